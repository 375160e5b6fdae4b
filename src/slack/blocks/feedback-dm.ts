// Direct messages of peer feedback and recognition prompts: request, reminder, lead summary, weekly prompt.
import type { FeedbackAggregate } from "../../core/feedback/feedback.ts";
import type { DirectMessage } from "../../core/feedback/feedback-ports.ts";
import { monthLabel } from "../../core/feedback/feedback-period.ts";
import { anonymityNote, dueDayLabel, FEEDBACK_REQUEST_NOTE } from "../../core/shared/wording.ts";
import type { FeedbackRequestView } from "../../core/feedback/feedback-model.ts";
import type { FeedbackRequestSummary } from "../../core/feedback/feedback-request.ts";
import {
  FEEDBACK_GIVE_ACTION,
  FEEDBACK_SKIP_ACTION,
} from "../feedback-payloads.ts";
import { mention, plural, type KnownBlock } from "./format.ts";
import type { SlackMessage } from "./replies.ts";
import { localeFor } from "../../i18n/locale.ts";
import { recognitionPromptBody } from "../../use-cases/recognition/recognition-prompt-bodies.ts";
import { renderBody } from "../render/blocks.ts";

export function renderDirectMessage(message: DirectMessage): SlackMessage {
  switch (message.kind) {
    case "feedback_request":
      return requestDm(message.request, false);
    case "feedback_reminder":
      return requestDm(message.request, true);
    case "feedback_request_answered": {
      const text = `Thanks — your feedback on ${mention(message.request.subject)} is in.`;
      return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: `:white_check_mark: ${text}` } }] };
    }
    case "feedback_summary":
      return summaryDm(message.summary);
    case "recognition_prompt":
      return renderBody(recognitionPromptBody(message.weekKey), localeFor(message.member.locale, null));
  }
}

function dueLabel(request: FeedbackRequestView): string {
  return dueDayLabel(request.dueAt, request.timeZone);
}

function requestDm(request: FeedbackRequestView, reminder: boolean): SlackMessage {
  const who = mention(request.subject);
  const text = reminder
    ? `Reminder: ${mention(request.lead)} asked for your feedback on ${who}, due ${dueLabel(request)}.`
    : `${mention(request.lead)} would like your feedback on ${who} by ${dueLabel(request)}.`;
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `${reminder ? ":alarm_clock: " : ":speech_balloon: "}${text}` } },
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: FEEDBACK_REQUEST_NOTE }],
      },
      {
        type: "actions",
        elements: [
          { type: "button", action_id: FEEDBACK_GIVE_ACTION, style: "primary", text: { type: "plain_text", text: "Give feedback" }, value: request.id },
          { type: "button", action_id: FEEDBACK_SKIP_ACTION, text: { type: "plain_text", text: "Skip" }, value: request.id },
        ],
      },
    ],
  };
}

export function aggregateLines(aggregate: FeedbackAggregate): string {
  if (aggregate.dimensions.length === 0) return "_No ratings to show yet._";
  const lines = aggregate.dimensions.map((d) => `• ${d.label}: *${d.mean.toFixed(2)}* / 5 (${plural(d.count, "rating")})`);
  if (aggregate.overall !== null) lines.push(`Overall: *${aggregate.overall.toFixed(2)}* / 5 from ${plural(aggregate.answers, "answer")}`);
  return lines.join("\n");
}

function summaryDm(summary: FeedbackRequestSummary): SlackMessage {
  const { request } = summary;
  const why = summary.reason === "all_answered" ? "everyone you asked has responded" : "the due date has passed";
  const text = `Feedback on ${request.subject.displayName} is closed — ${why}.`;
  const counts = `${plural(summary.answered, "answer")}, ${summary.skipped} skipped, ${summary.noResponse} no response (asked ${request.recipients.length}).`;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `:clipboard: Feedback on ${mention(request.subject)} is closed — ${why}.\n${counts}` } },
    {
      type: "section",
      text: { type: "mrkdwn", text: `*${monthLabel(request.periodKey)}*\n${aggregateLines(summary.aggregate)}` },
    },
    { type: "context", elements: [{ type: "mrkdwn", text: `${anonymityNote(summary.aggregate)} \`/feedback report\` shows named comments.` }] },
  ];
  return { text, blocks };
}
