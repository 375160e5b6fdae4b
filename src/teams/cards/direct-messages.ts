// Personal-chat messages of peer feedback and recognition prompts, from the same core DirectMessage as
// Slack's DMs: request and reminder (Give/Skip), answered, the lead's summary, the weekly prompt.
import type { FeedbackAggregate } from "../../core/feedback/feedback.ts";
import type { FeedbackRequestView } from "../../core/feedback/feedback-model.ts";
import { monthLabel } from "../../core/feedback/feedback-period.ts";
import type { DirectMessage } from "../../core/feedback/feedback-ports.ts";
import type { FeedbackRequestSummary } from "../../core/feedback/feedback-request.ts";
import { anonymityNote, dueDayLabel, FEEDBACK_REQUEST_NOTE } from "../../core/shared/wording.ts";
import { card, type CardElement, escapeMarkdown, factSet, plural, type TeamsMessage, textBlock } from "./adaptive-card.ts";
import { actionSet, CARD_VERBS, executeAction } from "./card-actions.ts";
import { localeFor } from "../../i18n/locale.ts";
import { recognitionPromptBody } from "../../use-cases/recognition/recognition-prompt-bodies.ts";
import { renderCard } from "../render/card.ts";

export function renderTeamsDirectMessage(message: DirectMessage): TeamsMessage {
  switch (message.kind) {
    case "feedback_request":
      return requestCard(message.request, false);
    case "feedback_reminder":
      return requestCard(message.request, true);
    case "feedback_request_answered":
      return notice(`✅ Thanks — your feedback on ${message.request.subject.displayName} is in.`);
    case "feedback_summary":
      return summaryCard(message.summary);
    case "recognition_prompt":
      return renderCard(recognitionPromptBody(message.weekKey), localeFor(message.member.locale, null));
  }
}

/** A card with one line of text (the answer that replaces a card once its buttons were used). */
export function notice(text: string): TeamsMessage {
  return { text, card: card([textBlock(escapeMarkdown(text))]) };
}

function requestCard(request: FeedbackRequestView, reminder: boolean): TeamsMessage {
  const lead = request.lead.displayName;
  const who = request.subject.displayName;
  const due = dueDayLabel(request.dueAt, request.timeZone);
  const text = reminder ? `Reminder: ${lead} asked for your feedback on ${who}, due ${due}.` : `${lead} would like your feedback on ${who} by ${due}.`;
  const data = { requestId: request.id };
  return {
    text,
    card: card([
      textBlock(`${reminder ? "⏰" : "💬"} ${escapeMarkdown(text)}`),
      textBlock(FEEDBACK_REQUEST_NOTE, { isSubtle: true, size: "Small" }),
      actionSet([
        executeAction("Give feedback", CARD_VERBS.feedbackGive, data, { style: "positive" }),
        executeAction("Skip", CARD_VERBS.feedbackSkip, data),
      ]),
    ]),
  };
}

export function aggregateFacts(aggregate: FeedbackAggregate): CardElement {
  if (aggregate.dimensions.length === 0) return textBlock("No ratings to show yet.", { isSubtle: true });
  const facts = aggregate.dimensions.map((d): [string, string] => [d.label, `${d.mean.toFixed(2)} / 5 (${plural(d.count, "rating")})`]);
  if (aggregate.overall !== null) facts.push(["Overall", `${aggregate.overall.toFixed(2)} / 5 from ${plural(aggregate.answers, "answer")}`]);
  return factSet(facts);
}

function summaryCard(summary: FeedbackRequestSummary): TeamsMessage {
  const { request } = summary;
  const why = summary.reason === "all_answered" ? "everyone you asked has responded" : "the due date has passed";
  const text = `Feedback on ${request.subject.displayName} is closed — ${why}.`;
  const counts = `${plural(summary.answered, "answer")}, ${summary.skipped} skipped, ${summary.noResponse} no response (asked ${request.recipients.length}).`;
  return {
    text,
    card: card([
      textBlock(`📋 ${escapeMarkdown(text)}`, { weight: "Bolder" }),
      textBlock(counts),
      textBlock(monthLabel(request.periodKey), { weight: "Bolder", spacing: "Medium" }),
      aggregateFacts(summary.aggregate),
      textBlock(`${anonymityNote(summary.aggregate)} \`feedback report\` shows named comments.`, { isSubtle: true, size: "Small" }),
    ]),
  };
}
