// Feedback request jobs, each with a stable job id per request: DM the peers (posts queue), remind them before
// the due date and close the request at the due date (delayed jobs on the scheduled queue), or close it as
// soon as everyone has answered. Every processor is safe to run twice: the request's rows say what is done.
import type { Job, Queue } from "bullmq";
import { closeFeedbackRequest, remindPeers, type RequestJobDeps, sendRequestDms } from "../core/feedback/feedback-request.ts";
import type { Clock } from "../core/shared/ports.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const FEEDBACK_ASK_JOB = "feedback-ask";
export const FEEDBACK_REMIND_JOB = "feedback-remind";
export const FEEDBACK_CLOSE_JOB = "feedback-close";

export interface FeedbackRequestJobData {
  requestId: string;
}

export const feedbackJobIds = {
  ask: (requestId: string) => `feedback-ask-${requestId}`,
  remind: (requestId: string) => `feedback-remind-${requestId}`,
  closeAtDue: (requestId: string) => `feedback-close-${requestId}`,
  closeSettled: (requestId: string) => `feedback-close-settled-${requestId}`,
};

export async function enqueueFeedbackRequest(
  queues: { posts: Queue; scheduled: Queue },
  input: { requestId: string; reminderAt: Date; dueAt: Date },
  clock: Clock,
): Promise<void> {
  const data: FeedbackRequestJobData = { requestId: input.requestId };
  const now = clock.now().getTime();
  await queues.posts.add(FEEDBACK_ASK_JOB, data, { jobId: feedbackJobIds.ask(input.requestId) });
  await queues.scheduled.add(FEEDBACK_REMIND_JOB, data, {
    jobId: feedbackJobIds.remind(input.requestId),
    delay: Math.max(0, input.reminderAt.getTime() - now),
  });
  await queues.scheduled.add(FEEDBACK_CLOSE_JOB, data, {
    jobId: feedbackJobIds.closeAtDue(input.requestId),
    delay: Math.max(0, input.dueAt.getTime() - now),
  });
}

/** Everyone asked has answered or skipped: close now rather than at the due date. */
export async function enqueueFeedbackClose(queue: Queue, requestId: string): Promise<void> {
  await queue.add(FEEDBACK_CLOSE_JOB, { requestId } satisfies FeedbackRequestJobData, { jobId: feedbackJobIds.closeSettled(requestId) });
}

export interface FeedbackJobDeps extends RequestJobDeps {
  clock: Clock;
  summaryLeaseMs: number;
}

export function processFeedbackAsk(deps: FeedbackJobDeps, job: Job<FeedbackRequestJobData>, token?: string): Promise<number> {
  return honouringRetryAfter(job, token, () => sendRequestDms(deps, job.data.requestId));
}

export function processFeedbackRemind(deps: FeedbackJobDeps, job: Job<FeedbackRequestJobData>, token?: string): Promise<number> {
  return honouringRetryAfter(job, token, () => remindPeers(deps, job.data.requestId, deps.clock.now()));
}

export function processFeedbackClose(deps: FeedbackJobDeps, job: Job<FeedbackRequestJobData>, token?: string): Promise<string> {
  return honouringRetryAfter(job, token, () =>
    closeFeedbackRequest(deps, { requestId: job.data.requestId, now: deps.clock.now(), leaseMs: deps.summaryLeaseMs }),
  );
}
