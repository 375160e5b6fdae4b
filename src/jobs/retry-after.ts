// A chat platform's rate limit is honoured by delaying the job itself, without spending an attempt: after
// its Retry-After when it gave one, otherwise after a backoff that doubles with each rate-limited try of the
// job. Other transient failures are thrown so BullMQ retries them with its exponential backoff, and a post
// the platform refused for good fails the job at once instead of being retried.
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import { DeliveryRefusedError, TransientError } from "../core/shared/errors.ts";

/** The first wait after a 429 that came without Retry-After; doubled each time, up to the maximum. */
export const RATE_LIMIT_BACKOFF_MS = 1_000;
export const RATE_LIMIT_BACKOFF_MAX_MS = 60_000;
/** How often one job may be rate-limited before it counts as an ordinary failed attempt. */
export const MAX_RATE_LIMITED_DELAYS = 30;

interface RateLimitedData {
  rateLimitedDelays?: number;
}

export function rateLimitBackoffMs(delaysSoFar: number): number {
  return Math.min(RATE_LIMIT_BACKOFF_MAX_MS, RATE_LIMIT_BACKOFF_MS * 2 ** delaysSoFar);
}

export async function honouringRetryAfter<T>(job: Job, token: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const delays = (job.data as RateLimitedData | undefined)?.rateLimitedDelays ?? 0;
    if (err instanceof TransientError && err.rateLimited && delays < MAX_RATE_LIMITED_DELAYS) {
      const wait = err.retryAfterMs ?? rateLimitBackoffMs(delays);
      await job.updateData({ ...(job.data as object), rateLimitedDelays: delays + 1 });
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    if (err instanceof DeliveryRefusedError) throw new UnrecoverableError(err.message);
    throw err;
  }
}
