// The scorecard card's buttons (previous / next / Explain / Send to agent): the same use cases as Slack's,
// refused outside a personal chat, where everyone would see the card.
import * as scorecard from "../../use-cases/kpi/scorecard-buttons.ts";
import type { Interaction } from "../../use-cases/interaction.ts";
import { CARD_VERBS, type CardVerb } from "../cards/card-actions.ts";
import { SCORECARD_PRIVATE_REFUSAL } from "../commands/scorecard.ts";
import { personalOnly } from "../private-reply.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import type { CardAction } from "./card-action.ts";

function button(verb: CardVerb, interaction: Interaction<scorecard.ScorecardButtonDeps, scorecard.ScorecardButton>): CardAction {
  const privateOnly = personalOnly(interaction, SCORECARD_PRIVATE_REFUSAL);
  return {
    verb,
    async run(deps, ctx) {
      const key = `teams:invoke:${ctx.turn.activity.id ?? ""}`;
      const data = scorecard.ScorecardButton.safeParse(ctx.data);
      if (!data.success) return runTeamsInvoke(deps, ctx, `teams:${verb}`, scorecard.scorecardStaleButton, null, null, key);
      return runTeamsInvoke(deps, ctx, `teams:${verb}`, privateOnly, deps.services, data.data, key);
    },
  };
}

export const scorecardPreviousButton = button(CARD_VERBS.scorecardPrevious, scorecard.SCORECARD_BUTTONS.previous);
export const scorecardNextButton = button(CARD_VERBS.scorecardNext, scorecard.SCORECARD_BUTTONS.next);
export const scorecardExplainButton = button(CARD_VERBS.scorecardExplain, scorecard.SCORECARD_BUTTONS.explain);
export const scorecardSendButton = button(CARD_VERBS.scorecardSend, scorecard.SCORECARD_BUTTONS.send);
