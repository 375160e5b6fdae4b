// Queue names and shared BullMQ options. Two queues: outbound posts triggered by people (fast, many)
// and scheduled team posts (digests), so a digest backlog never delays a shoutout.
import { Queue, type ConnectionOptions, type DefaultJobOptions } from "bullmq";
import { REPEAT_SETTINGS } from "./local-time-repeat.ts";
import { redisKeyPrefix } from "./redis-keys.ts";

export const POSTS_QUEUE = "posts";
export const SCHEDULED_QUEUE = "scheduled";
export type QueueName = typeof POSTS_QUEUE | typeof SCHEDULED_QUEUE;

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface QueueSettings {
  connection: ConnectionOptions;
  /** QUEUE_PREFIX; keys are written under its hash-tagged form (see redis-keys.ts). */
  prefix: string;
}

export interface SpurQueues {
  posts: Queue;
  scheduled: Queue;
  close(): Promise<void>;
}

export function createQueues(settings: QueueSettings): SpurQueues {
  const opts = { connection: settings.connection, prefix: redisKeyPrefix(settings.prefix), defaultJobOptions: DEFAULT_JOB_OPTIONS, settings: REPEAT_SETTINGS };
  const posts = new Queue(POSTS_QUEUE, opts);
  const scheduled = new Queue(SCHEDULED_QUEUE, opts);
  return {
    posts,
    scheduled,
    close: async () => {
      await Promise.all([posts.close(), scheduled.close()]);
    },
  };
}
