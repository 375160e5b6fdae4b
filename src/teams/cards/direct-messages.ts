// Personal-chat messages of peer feedback (the shared bodies, in the recipient's language) and the weekly
// recognition prompt.
import type { DirectMessage } from "../../core/feedback/feedback-ports.ts";
import { PROMPT_OPT_OUT_NOTE } from "../../core/shared/wording.ts";
import { feedbackDirectMessageBody, feedbackDmLocale, isFeedbackDirectMessage } from "../../use-cases/feedback/feedback-dm-bodies.ts";
import { teamsSpelling } from "../mentions.ts";
import { renderCard } from "../render/card.ts";
import { card, escapeMarkdown, type TeamsMessage, textBlock } from "./adaptive-card.ts";
import { actionSet, CARD_VERBS, executeAction } from "./card-actions.ts";

export const PROMPT_TEXT = "Who helped you this week? A quick kudos makes their day.";

/** A direct message as Teams shows it; `recipient` is the user id (or message reference) it goes to. */
export function renderTeamsDirectMessage(message: DirectMessage, recipient: string): TeamsMessage {
  if (isFeedbackDirectMessage(message)) return renderCard(feedbackDirectMessageBody(message), feedbackDmLocale(message, recipient));
  return promptCard(message.weekKey);
}

/** A card with one line of text (the answer that replaces a card once its buttons were used). */
export function notice(text: string): TeamsMessage {
  return { text, card: card([textBlock(escapeMarkdown(text))]) };
}

function promptCard(weekKey: string): TeamsMessage {
  const data = { week: weekKey };
  return {
    text: PROMPT_TEXT,
    card: card([
      textBlock("👋 **Who helped you this week?** A quick kudos makes their day."),
      actionSet([
        executeAction("Give kudos", CARD_VERBS.promptKudos, data, { style: "positive" }),
        executeAction("Not this week", CARD_VERBS.promptDismiss, data),
      ]),
      textBlock(teamsSpelling(PROMPT_OPT_OUT_NOTE), { isSubtle: true, size: "Small" }),
    ]),
  };
}
