// A chat platform's Retry-After is honoured by delaying the job itself (no attempt is spent); other
// transient failures are thrown so BullMQ retries them with exponential backoff.
import { DelayedError, type Job } from "bullmq";
import { TransientError } from "../core/errors.ts";

export async function honouringRetryAfter<T>(job: Job, token: string | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof TransientError && err.retryAfterMs !== undefined) {
      await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
      throw new DelayedError();
    }
    throw err;
  }
}
