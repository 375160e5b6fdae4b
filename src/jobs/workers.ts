// BullMQ workers for Spur's queues, with one terminal failure handler each.
import { type Job, Worker } from "bullmq";
import type { DigestRunDeps } from "../core/digest-run.ts";
import type { PromptRunDeps } from "../core/recognition-prompts.ts";
import type { Logger } from "../logger.ts";
import {
  FEEDBACK_ASK_JOB,
  FEEDBACK_CLOSE_JOB,
  FEEDBACK_REMIND_JOB,
  type FeedbackJobDeps,
  processFeedbackAsk,
  processFeedbackClose,
  processFeedbackRemind,
} from "./feedback-requests.ts";
import { POST_SHOUTOUT_JOB, processShoutout, type ShoutoutDeps } from "./post-shoutout.ts";
import { POSTS_QUEUE, type QueueSettings, SCHEDULED_QUEUE } from "./queues.ts";
import { processRecognitionPrompts, RECOGNITION_PROMPTS_JOB } from "./recognition-prompts.ts";
import { processWeeklyDigest, WEEKLY_DIGEST_JOB } from "./weekly-digest.ts";

export interface WorkerDeps {
  shoutouts: ShoutoutDeps;
  digests: DigestRunDeps;
  feedback: FeedbackJobDeps;
  prompts: PromptRunDeps;
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
      if (job.name === FEEDBACK_ASK_JOB) return processFeedbackAsk(deps.feedback, job, token);
      throw new Error(`unknown job ${job.name} on ${POSTS_QUEUE}`);
    },
    { ...base, concurrency: options.postsConcurrency ?? 8 },
  );
  const scheduled = new Worker(
    SCHEDULED_QUEUE,
    async (job: Job, token?: string) => {
      if (job.name === WEEKLY_DIGEST_JOB) return processWeeklyDigest(deps.digests, job, token);
      if (job.name === RECOGNITION_PROMPTS_JOB) return processRecognitionPrompts(deps.prompts, job, token);
      if (job.name === FEEDBACK_REMIND_JOB) return processFeedbackRemind(deps.feedback, job, token);
      if (job.name === FEEDBACK_CLOSE_JOB) return processFeedbackClose(deps.feedback, job, token);
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
