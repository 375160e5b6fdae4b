// The scorecard card with its period navigation: previous and next period, re-rendered in place.
import type { Scorecard } from "../../core/scorecard.ts";
import type { TeamsMessage } from "./adaptive-card.ts";
import { actionSet, CARD_VERBS, executeAction } from "./card-actions.ts";
import { scorecardCard } from "./scorecard.ts";

export function scorecardWithPeriodButtons(scorecard: Scorecard): TeamsMessage {
  const message = scorecardCard(scorecard);
  if (!message.card) return message;
  // The buttons name the member and the period shown; who clicked comes from the invoke, so privacy is checked again.
  const data = { m: scorecard.subject.id, p: scorecard.period.key };
  const buttons = actionSet([
    executeAction(`◀ ${scorecard.previous.key}`, CARD_VERBS.scorecardPrevious, data),
    executeAction("Next ▶", CARD_VERBS.scorecardNext, data),
  ]);
  return { ...message, card: { ...message.card, body: [...message.card.body, buttons] } };
}
