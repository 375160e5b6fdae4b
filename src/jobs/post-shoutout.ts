// Posts the public shoutout for a gift, once: queued from the outbox (see outbox-topics.ts), and the gift
// records where its shoutout went, so a second job for the same gift posts nothing.
import type { Job } from "bullmq";
import type { Notifier } from "../core/outbound/notifier.ts";
import type { KudosRepository } from "../core/shared/ports.ts";
import { defineJob } from "./job-definition.ts";
import { POSTS_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const POST_SHOUTOUT_JOB = "post-shoutout";

export interface ShoutoutJobData {
  giftId: string;
  channelId: string;
}

export interface ShoutoutDeps {
  kudos: KudosRepository;
  /** Null when Spur is no longer installed in the workspace. */
  notifierForWorkspace(workspaceId: string): Promise<Notifier | null>;
}

export async function processShoutout(deps: ShoutoutDeps, job: Job<ShoutoutJobData>, token?: string): Promise<string> {
  const gift = await deps.kudos.gift(job.data.giftId);
  if (!gift) return "gift_not_found";
  if (gift.shoutoutRef) return "already_posted";
  const notifier = await deps.notifierForWorkspace(gift.workspaceId);
  if (!notifier) return "not_installed";
  const posted = await honouringRetryAfter(job, token, () => notifier.post(job.data.channelId, { kind: "shoutout", gift }));
  await deps.kudos.markShoutoutPosted(gift.giftId, `${posted.channelId}:${posted.messageRef}`);
  return "posted";
}

export const postShoutoutJob = defineJob({
  name: POST_SHOUTOUT_JOB,
  queue: POSTS_QUEUE,
  process: processShoutout,
});
