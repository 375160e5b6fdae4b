// The buttons of a feedback request card: "Give feedback" turns the card into the feedback form, "Skip"
// declines — the same use cases as Slack's buttons.
import { FeedbackRequestClick, giveRequestedFeedback, skipRequestedFeedback } from "../../use-cases/feedback/feedback-request-actions.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { type CardAction, parseCardData } from "./card-action.ts";

export const feedbackGive: CardAction = {
  verb: CARD_VERBS.feedbackGive,
  async run(deps, ctx) {
    const click = parseCardData(FeedbackRequestClick, ctx);
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.feedbackGive}`, giveRequestedFeedback, deps.services, click, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};

export const feedbackSkip: CardAction = {
  verb: CARD_VERBS.feedbackSkip,
  async run(deps, ctx) {
    const click = parseCardData(FeedbackRequestClick, ctx);
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.feedbackSkip}`, skipRequestedFeedback, deps.services, click, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
