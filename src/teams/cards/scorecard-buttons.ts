// The scorecard card with its buttons: previous and next period (re-rendered in place), Explain (the same card
// with how its numbers are computed) and, on a colleague's card, Send to agent (to their personal chat).
import type { Scorecard } from "../../core/kpi/scorecard.ts";
import type { TeamsMessage } from "./adaptive-card.ts";
import { actionSet, CARD_VERBS, executeAction } from "./card-actions.ts";
import { scorecardCard, scorecardExplanation } from "./scorecard.ts";

export function scorecardWithButtons(scorecard: Scorecard, options: { explained?: boolean } = {}): TeamsMessage {
  const message = scorecardCard(scorecard);
  if (!message.card) return message;
  // The buttons name the member and the period shown; who clicked comes from the invoke, so privacy is checked again.
  const data = { m: scorecard.subject.id, p: scorecard.period.key };
  const buttons = actionSet([
    executeAction(`◀ ${scorecard.previous.key}`, CARD_VERBS.scorecardPrevious, data),
    executeAction("Next ▶", CARD_VERBS.scorecardNext, data),
    ...(options.explained ? [] : [executeAction("Explain", CARD_VERBS.scorecardExplain, data)]),
    ...(scorecard.isSelf ? [] : [executeAction("Send to agent", CARD_VERBS.scorecardSend, data)]),
  ]);
  const explanation = options.explained ? scorecardExplanation(scorecard) : [];
  return { ...message, card: { ...message.card, body: [...message.card.body, ...explanation, buttons] } };
}
