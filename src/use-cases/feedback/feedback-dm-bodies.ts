// The direct messages of a feedback request, the same on every surface: the peer's request and reminder (with
// Give feedback / Skip), the request once answered, and the lead's summary (counts only: never who answered
// anonymously).
import type { FeedbackRequestSummary, FeedbackRequestView } from "../../core/feedback/feedback-model.ts";
import type { DirectMessage } from "../../core/feedback/feedback-ports.ts";
import { type Locale, localeFor } from "../../i18n/locale.ts";
import { command, member, msg, when } from "../../i18n/message.ts";
import { type Body, subtle } from "../body.ts";
import { aggregateLines, anonymityNote, monthParam } from "./feedback-bodies.ts";

export const FEEDBACK_GIVE_ACTION = "feedback.give";
export const FEEDBACK_SKIP_ACTION = "feedback.skip";

export type FeedbackDirectMessage = Exclude<DirectMessage, { kind: "recognition_prompt" }>;

export function isFeedbackDirectMessage(message: DirectMessage): message is FeedbackDirectMessage {
  return message.kind !== "recognition_prompt";
}

/**
 * The recipient's language, as the platform last reported it, else the workspace's: the lead for a summary,
 * else the peer named by `recipient` (their platform user id, or the reference of the message sent to them).
 */
export function feedbackDmLocale(message: FeedbackDirectMessage, recipient: string, workspaceLocale: Locale): Locale {
  if (message.kind === "feedback_summary") return localeFor(message.summary.request.lead.locale, workspaceLocale);
  const peer = message.request.recipients.find((r) => r.peer.platformUserId === recipient || r.dmRef === recipient)?.peer;
  return localeFor(peer?.locale, workspaceLocale);
}

function requestBody(request: FeedbackRequestView, reminder: boolean): Body {
  // The due date is the exclusive end of the due day: show the day itself.
  const params = {
    lead: member(request.lead.platformUserId, request.lead.displayName),
    subject: member(request.subject.platformUserId, request.subject.displayName),
    due: when(new Date(request.dueAt.getTime() - 1), request.timeZone, "day"),
  };
  const data = { requestId: request.id };
  return {
    blocks: [
      { kind: "text", text: msg(reminder ? "feedback.dm.reminder" : "feedback.dm.request", params) },
      subtle(msg("feedback.dm.note")),
      {
        kind: "buttons",
        buttons: [
          { action: FEEDBACK_GIVE_ACTION, label: msg("feedback.dm.give"), data, style: "primary" },
          { action: FEEDBACK_SKIP_ACTION, label: msg("feedback.dm.skip"), data },
        ],
      },
    ],
  };
}

function summaryBody(summary: FeedbackRequestSummary): Body {
  const { request } = summary;
  const closed = msg("feedback.summary.closed", { subject: request.subject.displayName, reason: summary.reason });
  return {
    summary: closed,
    blocks: [
      { kind: "text", text: closed },
      {
        kind: "text",
        text: msg("feedback.summary.counts", {
          answered: summary.answered,
          skipped: summary.skipped,
          noResponse: summary.noResponse,
          asked: request.recipients.length,
        }),
      },
      { kind: "text", text: msg("feedback.report.title", { self: "no", name: request.subject.displayName, month: monthParam(request.periodKey) }), style: "heading" },
      aggregateLines(summary.aggregate),
      subtle(msg("feedback.summary.footer", { note: anonymityNote(summary.aggregate), report: command("feedback", "report") })),
    ],
  };
}

export function feedbackDirectMessageBody(message: FeedbackDirectMessage): Body {
  switch (message.kind) {
    case "feedback_request":
      return requestBody(message.request, false);
    case "feedback_reminder":
      return requestBody(message.request, true);
    case "feedback_request_answered":
      return {
        tone: "success",
        blocks: [{ kind: "text", text: msg("feedback.dm.answered", { subject: member(message.request.subject.platformUserId, message.request.subject.displayName) }) }],
      };
    case "feedback_summary":
      return summaryBody(message.summary);
  }
}
