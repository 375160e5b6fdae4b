// Which job each outbox topic becomes, with the payload it must carry (checked again when relayed: a row
// written by an older or newer version must not queue a job its processor cannot read).
import { z } from "zod";
import type { GiftFollowUpTopic } from "../core/recognition/gift-follow-ups.ts";
import { MEMBER_RESOLVE_TOPIC } from "../core/shared/roster.ts";
import { notifyRecipientsJob } from "./notify-recipients.ts";
import { postShoutoutJob } from "./post-shoutout.ts";
import { resolveMemberJob } from "./resolve-members.ts";
import type { QueueName } from "./queues.ts";

interface OutboxTopic {
  job: { name: string; queue: QueueName };
  payload: z.ZodType;
}

type OutboxTopicName = GiftFollowUpTopic | typeof MEMBER_RESOLVE_TOPIC;

export const OUTBOX_TOPICS: Record<OutboxTopicName, OutboxTopic> = {
  "gift.shoutout": { job: postShoutoutJob, payload: z.object({ giftId: z.uuid(), channelId: z.string().min(1) }) },
  "gift.notify_recipients": { job: notifyRecipientsJob, payload: z.object({ giftId: z.uuid() }) },
  // Written with each provisional member (store/member-store.ts): their profile is read from the platform.
  [MEMBER_RESOLVE_TOPIC]: {
    job: resolveMemberJob,
    payload: z.object({ platform: z.enum(["slack", "teams"]), externalId: z.string().min(1), platformUserId: z.string().min(1) }),
  },
};

export type OutboxJob = { ok: true; queue: QueueName; name: string; data: unknown } | { ok: false; error: string };

/** The job an outbox row is queued as, or why it cannot be. */
export function outboxJob(topicName: string, payload: unknown): OutboxJob {
  const known = Object.hasOwn(OUTBOX_TOPICS, topicName) ? OUTBOX_TOPICS[topicName as OutboxTopicName] : undefined;
  if (!known) return { ok: false, error: `unknown outbox topic ${topicName}` };
  const parsed = known.payload.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    return { ok: false, error: `invalid ${topicName} payload: ${issues}` };
  }
  return { ok: true, queue: known.job.queue, name: known.job.name, data: parsed.data };
}
