// Direct messages of peer feedback (the shared bodies, in the recipient's language) and recognition prompts.
import type { DirectMessage } from "../../core/feedback/feedback-ports.ts";
import { PROMPT_OPT_OUT_NOTE } from "../../core/shared/wording.ts";
import { feedbackDirectMessageBody, feedbackDmLocale, isFeedbackDirectMessage } from "../../use-cases/feedback/feedback-dm-bodies.ts";
import { PROMPT_DISMISS_ACTION, PROMPT_KUDOS_ACTION } from "../feedback-payloads.ts";
import { renderBody } from "../render/blocks.ts";
import type { SlackMessage } from "./replies.ts";

/** A direct message as Slack shows it; `recipient` is the user id (or message reference) it goes to. */
export function renderDirectMessage(message: DirectMessage, recipient: string): SlackMessage {
  if (isFeedbackDirectMessage(message)) return renderBody(feedbackDirectMessageBody(message), feedbackDmLocale(message, recipient));
  return recognitionPrompt(message.weekKey);
}

function recognitionPrompt(weekKey: string): SlackMessage {
  const text = "Who helped you this week? A quick kudos makes their day.";
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:wave: *Who helped you this week?* A quick kudos makes their day.` } },
      {
        type: "actions",
        elements: [
          { type: "button", action_id: PROMPT_KUDOS_ACTION, style: "primary", text: { type: "plain_text", text: "Give kudos" }, value: weekKey },
          { type: "button", action_id: PROMPT_DISMISS_ACTION, text: { type: "plain_text", text: "Not this week" }, value: weekKey },
        ],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: PROMPT_OPT_OUT_NOTE }] },
    ],
  };
}
