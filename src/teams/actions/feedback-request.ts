// The buttons of a feedback request card: "Give feedback" turns the card into the feedback form, "Skip"
// declines. Both check that the request was sent to the person who clicked and is still open.
import { z } from "zod";
import { assertCanReceiveFeedback } from "../../core/feedback/feedback.ts";
import { answeredForRequest, requestForPeer, skipFeedbackRequest } from "../../core/feedback/feedback-request.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { notice } from "../cards/direct-messages.ts";
import { type CardAction, type CardActionContext, parseCardData } from "./card-action.ts";
import type { Services } from "../../app/services.ts";
import { feedbackForm } from "./feedback-form.ts";

const Data = z.object({ requestId: z.string().uuid() });

function requestForClick(services: Services, ctx: CardActionContext) {
  const { requestId } = parseCardData(Data, ctx);
  return requestForPeer(services, { requestId, workspaceId: ctx.workspace.id, peer: ctx.actor });
}

export const feedbackGive: CardAction = {
  verb: CARD_VERBS.feedbackGive,
  async run({ services }, ctx) {
    const request = await requestForClick(services, ctx);
    const answered = await answeredForRequest(services, { request, peer: ctx.actor });
    if (answered.answered) {
      if (answered.settled) await services.jobs.feedbackRequestSettled(request.id);
      return { card: notice(`You've already given feedback on ${request.subject.displayName} this period — thank you!`) };
    }
    assertCanReceiveFeedback(ctx.actor, request.subject);
    return { card: await feedbackForm(services, { workspace: ctx.workspace, subject: request.subject, requestId: request.id }) };
  },
};

export const feedbackSkip: CardAction = {
  verb: CARD_VERBS.feedbackSkip,
  async run({ services }, ctx) {
    const request = await requestForClick(services, ctx);
    const { settled } = await skipFeedbackRequest(services, { requestId: request.id, peer: ctx.actor });
    if (settled) await services.jobs.feedbackRequestSettled(request.id);
    return { card: notice(`Skipped — no feedback on ${request.subject.displayName} from you this time.`) };
  },
};
