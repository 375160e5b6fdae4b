// Action.Execute buttons (Universal Actions): a click reaches the bot as an `adaptiveCard/action` invoke with
// the verb and the action's data merged with the card's input values; the bot answers with a replacement card.
import type { CardElement } from "./adaptive-card.ts";

export const CARD_VERBS = {
  kudosSubmit: "kudos.submit",
  scorecardPrevious: "scorecard.previous",
  scorecardNext: "scorecard.next",
  scorecardExplain: "scorecard.explain",
  scorecardSend: "scorecard.send",
  feedbackGive: "feedback.give",
  feedbackSkip: "feedback.skip",
  feedbackSubmit: "feedback.submit",
  promptKudos: "prompt.kudos",
  promptDismiss: "prompt.dismiss",
  historyPage: "kudos.history.page",
  forgetConfirm: "data_rights.forget.confirm",
  settingsSubmit: "recognition.settings",
  targetsSubmit: "kpi.targets",
  teamSettingsSubmit: "team.settings",
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

export function executeAction(
  title: string,
  verb: CardVerb,
  data: Record<string, unknown>,
  options: { style?: "positive" | "destructive" } = {},
): CardElement {
  return { type: "Action.Execute", title, verb, data, ...options };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: "ActionSet", actions };
}

/** A server-side validation message shown right under the input it is about. */
export function fieldError(message: string | undefined): CardElement[] {
  return message ? [{ type: "TextBlock", text: `⚠️ ${message}`, wrap: true, color: "Attention", size: "Small", spacing: "None" }] : [];
}
