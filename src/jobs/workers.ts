// BullMQ workers for Spur's queues (the jobs of job-list.ts), with one terminal failure handler each.
import { type Job, Worker } from "bullmq";
import type { Logger } from "../logger.ts";
import type { SpurMetrics } from "../metrics.ts";
import { type JobDeps, JOBS, type SpurJob } from "./job-list.ts";
import { REPEAT_SETTINGS } from "./local-time-repeat.ts";
import { redisKeyPrefix } from "./redis-keys.ts";
import { POSTS_QUEUE, type QueueName, type QueueSettings, SCHEDULED_QUEUE } from "./queues.ts";

export type WorkerDeps = JobDeps & {
  logger: Logger;
  metrics: SpurMetrics;
};

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
    prefix: redisKeyPrefix(settings.prefix),
    settings: REPEAT_SETTINGS,
    ...(options.lockDuration ? { lockDuration: options.lockDuration } : {}),
    ...(options.stalledInterval ? { stalledInterval: options.stalledInterval } : {}),
  };
  // Each queue's worker runs the jobs of the list that are on that queue, by job name.
  const processorOf = (queue: QueueName) => {
    const jobs = new Map<string, SpurJob>(JOBS.filter((job) => job.queue === queue).map((job) => [job.name, job]));
    return tracked(async (job: Job, token?: string) => {
      const definition = jobs.get(job.name);
      if (!definition) throw new Error(`unknown job ${job.name} on ${queue}`);
      return definition.process(deps, job, token);
    });
  };
  const posts = new Worker(POSTS_QUEUE, processorOf(POSTS_QUEUE), { ...base, concurrency: options.postsConcurrency ?? 8 });
  const scheduled = new Worker(SCHEDULED_QUEUE, processorOf(SCHEDULED_QUEUE), { ...base, concurrency: 4 });
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
