// BullMQ workers for Spur's queues, with one terminal failure handler each.
import { type Job, Worker } from "bullmq";
import type { DigestRunDeps } from "../core/digest-run.ts";
import type { Logger } from "../logger.ts";
import { NOTIFY_RECIPIENTS_JOB, type NotifyRecipientsDeps, processNotifyRecipients } from "./notify-recipients.ts";
import { POST_SHOUTOUT_JOB, processShoutout, type ShoutoutDeps } from "./post-shoutout.ts";
import { POSTS_QUEUE, type QueueSettings, SCHEDULED_QUEUE } from "./queues.ts";
import { processWeeklyDigest, WEEKLY_DIGEST_JOB } from "./weekly-digest.ts";

export interface WorkerDeps {
  shoutouts: ShoutoutDeps;
  notifications: NotifyRecipientsDeps;
  digests: DigestRunDeps;
  logger: Logger;
}

export interface SpurWorkers {
  workers: Worker[];
  close(): Promise<void>;
}

export function startWorkers(settings: QueueSettings, deps: WorkerDeps, options: { postsConcurrency?: number } = {}): SpurWorkers {
  const base = { connection: settings.connection, prefix: settings.prefix };
  const posts = new Worker(
    POSTS_QUEUE,
    async (job: Job, token?: string) => {
      if (job.name === POST_SHOUTOUT_JOB) return processShoutout(deps.shoutouts, job, token);
      if (job.name === NOTIFY_RECIPIENTS_JOB) return processNotifyRecipients(deps.notifications, job, token);
      throw new Error(`unknown job ${job.name} on ${POSTS_QUEUE}`);
    },
    { ...base, concurrency: options.postsConcurrency ?? 8 },
  );
  const scheduled = new Worker(
    SCHEDULED_QUEUE,
    async (job: Job, token?: string) => {
      if (job.name === WEEKLY_DIGEST_JOB) return processWeeklyDigest(deps.digests, job, token);
      throw new Error(`unknown job ${job.name} on ${SCHEDULED_QUEUE}`);
    },
    { ...base, concurrency: 4 },
  );
  const workers = [posts, scheduled];
  for (const worker of workers) {
    worker.on("failed", (job, err) => {
      deps.logger.error({ err, queue: worker.name, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade }, "job failed");
    });
    worker.on("error", (err) => deps.logger.error({ err, queue: worker.name }, "worker error"));
  }
  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
