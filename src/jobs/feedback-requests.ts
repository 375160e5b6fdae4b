// Feedback request jobs, each with a stable job id per request: DM the peers (posts queue), remind them before
// the due date and close the request at the due date (delayed jobs on the scheduled queue), or close it as
// soon as everyone has answered. Every processor is safe to run twice: the request's rows say what is done.
import { randomInt } from "node:crypto";
import type { Job } from "bullmq";
import { closeFeedbackRequest, remindPeers, type RequestJobDeps, sendRequestDms } from "../core/feedback/feedback-request.ts";
import type { Clock } from "../core/shared/ports.ts";
import { defineJob } from "./job-definition.ts";
import { POSTS_QUEUE, SCHEDULED_QUEUE } from "./queues.ts";
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

/** How long after the answer that settled a request its close waits: a random time in this range. */
export const SETTLED_BY_ANSWER_DELAY_MS = { min: 20 * 60_000, max: 120 * 60_000 } as const;

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

/** Queued by feedback-ask's dispatch, delayed until the reminder is due. */
export const feedbackRemindJob = defineJob({ name: FEEDBACK_REMIND_JOB, queue: SCHEDULED_QUEUE, process: processFeedbackRemind });

/**
 * Queued at the due date by feedback-ask's dispatch, and when everyone asked has answered or skipped: at once
 * after a skip, a while later after an answer.
 */
export const feedbackCloseJob = defineJob({
  name: FEEDBACK_CLOSE_JOB,
  queue: SCHEDULED_QUEUE,
  process: processFeedbackClose,
  dispatch: ({ add }) => ({
    feedbackRequestSettled: (requestId, options) =>
      add(
        { requestId },
        options?.byAnswer
          ? { jobId: feedbackJobIds.closeSettled(requestId), delay: randomInt(SETTLED_BY_ANSWER_DELAY_MS.min, SETTLED_BY_ANSWER_DELAY_MS.max) }
          : { jobId: feedbackJobIds.closeSettled(requestId) },
      ),
  }),
});

/** A new request: DM the peers now, and queue its reminder and its close at the due date. */
export const feedbackAskJob = defineJob({
  name: FEEDBACK_ASK_JOB,
  queue: POSTS_QUEUE,
  process: processFeedbackAsk,
  dispatch: ({ add, queues, clock }) => ({
    feedbackRequested: async (input) => {
      const data: FeedbackRequestJobData = { requestId: input.requestId };
      const now = clock.now().getTime();
      await add(data, { jobId: feedbackJobIds.ask(input.requestId) });
      await feedbackRemindJob.add(queues, data, {
        jobId: feedbackJobIds.remind(input.requestId),
        delay: Math.max(0, input.reminderAt.getTime() - now),
      });
      await feedbackCloseJob.add(queues, data, {
        jobId: feedbackJobIds.closeAtDue(input.requestId),
        delay: Math.max(0, input.dueAt.getTime() - now),
      });
    },
  }),
});
