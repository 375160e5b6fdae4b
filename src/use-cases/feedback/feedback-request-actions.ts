// The buttons of a feedback request message: "Give feedback" opens the form on the request's subject (Teams
// turns the message into it), "Skip" declines. Both check the request was sent to whoever clicked and is open.
import { z } from "zod";
import type { JobDispatch } from "../../app/services.ts";
import { assertCanReceiveFeedback } from "../../core/feedback/feedback.ts";
import type { FeedbackRepository, FeedbackRequestRepository } from "../../core/feedback/feedback-ports.ts";
import { answeredForRequest, requestForPeer, skipFeedbackRequest } from "../../core/feedback/feedback-request.ts";
import { member, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import type { Interaction } from "../interaction.ts";
import { feedbackForm } from "./feedback-form.ts";

/** What Give feedback and Skip carry: the request's id. */
export const FeedbackRequestClick = z.object({ requestId: z.string().uuid() });
export type FeedbackRequestClick = z.infer<typeof FeedbackRequestClick>;

export interface FeedbackRequestActionDeps {
  feedback: FeedbackRepository;
  feedbackRequests: FeedbackRequestRepository;
  feedbackSecret: string;
  jobs: Pick<JobDispatch, "feedbackRequestSettled">;
}

export const giveRequestedFeedback: Interaction<FeedbackRequestActionDeps, FeedbackRequestClick> = {
  name: "feedback.give",
  async run(deps, req) {
    const request = await requestForPeer(deps, { requestId: req.args.requestId, workspaceId: req.workspace.id, peer: req.actor });
    const answered = await answeredForRequest(deps, { request, peer: req.actor });
    const subject = request.subject;
    if (answered.answered) {
      if (answered.settled) await deps.jobs.feedbackRequestSettled(request.id);
      return [{ kind: "update", body: note(undefined, msg("feedback.give.alreadyAnswered", { name: member(subject.platformUserId, subject.displayName) })) }];
    }
    assertCanReceiveFeedback(req.actor, subject);
    return [{ kind: "form", form: await feedbackForm(deps, { workspaceId: req.workspace.id, subject, requestId: request.id }) }];
  },
};

export const skipRequestedFeedback: Interaction<FeedbackRequestActionDeps, FeedbackRequestClick> = {
  name: "feedback.skip",
  async run(deps, req) {
    const request = await requestForPeer(deps, { requestId: req.args.requestId, workspaceId: req.workspace.id, peer: req.actor });
    const { settled } = await skipFeedbackRequest(deps, { requestId: request.id, peer: req.actor });
    if (settled) await deps.jobs.feedbackRequestSettled(request.id);
    const subject = request.subject;
    return [{ kind: "update", body: note(undefined, msg("feedback.skip.done", { name: member(subject.platformUserId, subject.displayName) })) }];
  },
};
