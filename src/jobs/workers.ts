// BullMQ workers for Spur's queues, with one terminal failure handler each.
import { type Job, Worker } from "bullmq";
import { DATA_EXPORT_JOB, type DataExportDeps, processDataExport } from "./data-export.ts";
import type { AwardsRunDeps } from "../core/awards/awards-run.ts";
import type { LeaderboardRunDeps } from "../core/awards/leaderboard-run.ts";
import type { LeadDigestRunDeps } from "../core/digests/lead-digest-run.ts";
import type { PromptRunDeps } from "../core/recognition/recognition-prompts.ts";
import type { Logger } from "../logger.ts";
import type { SpurMetrics } from "../metrics.ts";
import { NOTIFY_RECIPIENTS_JOB, type NotifyRecipientsDeps, processNotifyRecipients } from "./notify-recipients.ts";
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
import { processWeeklyLeaderboard, WEEKLY_LEADERBOARD_JOB } from "./weekly-leaderboard.ts";
import { MONTHLY_AWARDS_JOB, processMonthlyAwards } from "./monthly-awards.ts";
import { LEAD_DIGEST_JOB, processLeadDigest } from "./lead-digest.ts";
import { processWeeklyDigest, WEEKLY_DIGEST_JOB, type WeeklyDigestJobDeps } from "./weekly-digest.ts";

export interface WorkerDeps {
  shoutouts: ShoutoutDeps;
  notifications: NotifyRecipientsDeps;
  /** The team's scheduled posts: weekly digest, weekly leaderboard, monthly awards. */
  digests: WeeklyDigestJobDeps & LeaderboardRunDeps & AwardsRunDeps;
  leadDigests: LeadDigestRunDeps;
  feedback: FeedbackJobDeps;
  prompts: PromptRunDeps;
  dataExport: DataExportDeps;
  logger: Logger;
  metrics: SpurMetrics;
}

export interface SpurWorkers {
  workers: Worker[];
  close(graceMs?: number): Promise<void>;
}

export interface WorkerTimings {
  /** How long a job's lock lasts without renewal; a worker that died loses its jobs after this. */
  lockDuration?: number;
  /** How often stalled jobs (whose worker died) are looked for and handed to another worker. */
  stalledInterval?: number;
  postsConcurrency?: number;
}

export function startWorkers(settings: QueueSettings, deps: WorkerDeps, options: WorkerTimings = {}): SpurWorkers {
  // Jobs in progress, counted here: BullMQ's own graceful close can wait forever once Redis has
  // reconnected, so shutdown waits for these itself and then closes the workers with force.
  let running = 0;
  const tracked =
    <R>(processor: (job: Job, token?: string) => Promise<R>) =>
    async (job: Job, token?: string): Promise<R> => {
      running += 1;
      try {
        return await processor(job, token);
      } finally {
        running -= 1;
      }
    };
  const base = {
    connection: settings.connection,
    prefix: settings.prefix,
    ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
    ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
  };
  const posts = new Worker(
    POSTS_QUEUE,
    tracked(async (job: Job, token?: string) => {
      if (job.name === POST_SHOUTOUT_JOB) return processShoutout(deps.shoutouts, job, token);
      if (job.name === NOTIFY_RECIPIENTS_JOB) return processNotifyRecipients(deps.notifications, job, token);
      if (job.name === FEEDBACK_ASK_JOB) return processFeedbackAsk(deps.feedback, job, token);
      throw new Error(`unknown job ${job.name} on ${POSTS_QUEUE}`);
    }),
    { ...base, concurrency: options.postsConcurrency ?? 8 },
  );
  const scheduled = new Worker(
    SCHEDULED_QUEUE,
    tracked(async (job: Job, token?: string) => {
      if (job.name === WEEKLY_DIGEST_JOB) return processWeeklyDigest(deps.digests, job, token);
      if (job.name === WEEKLY_LEADERBOARD_JOB) return processWeeklyLeaderboard(deps.digests, job, token);
      if (job.name === MONTHLY_AWARDS_JOB) return processMonthlyAwards(deps.digests, job, token);
      if (job.name === LEAD_DIGEST_JOB) return processLeadDigest(deps.leadDigests, job, token);
      if (job.name === RECOGNITION_PROMPTS_JOB) return processRecognitionPrompts(deps.prompts, job, token);
      if (job.name === FEEDBACK_REMIND_JOB) return processFeedbackRemind(deps.feedback, job, token);
      if (job.name === FEEDBACK_CLOSE_JOB) return processFeedbackClose(deps.feedback, job, token);
      if (job.name === DATA_EXPORT_JOB) return processDataExport(deps.dataExport, job, token);
      throw new Error(`unknown job ${job.name} on ${SCHEDULED_QUEUE}`);
    }),
    { ...base, concurrency: 4 },
  );
  const workers = [posts, scheduled];
  for (const worker of workers) {
    worker.on("completed", (job) => deps.metrics.jobs.inc({ queue: worker.name, job: job.name, result: "completed" }));
    worker.on("failed", (job, err) => {
      deps.metrics.jobs.inc({ queue: worker.name, job: job?.name ?? "unknown", result: "failed" });
      deps.logger.error({ err, queue: worker.name, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade }, "job failed");
    });
    worker.on("error", (err) => deps.logger.error({ err, queue: worker.name }, "worker error"));
  }
  return {
    workers,
    close: async (graceMs = 25_000) => {
      for (const w of workers) w.pause(true).catch(() => undefined);
      const deadline = Date.now() + graceMs;
      while (running > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (running > 0) deps.logger.warn({ running }, "jobs still running at shutdown; their locks expire and another worker retries them");
      await Promise.all(workers.map((w) => w.close(true)));
    },
  };
}
