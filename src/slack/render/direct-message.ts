// Direct messages of peer feedback and the weekly recognition prompt: the shared bodies, in the recipient's language.
import type { DirectMessage } from "../../core/feedback/feedback-ports.ts";
import { type Locale, localeFor } from "../../i18n/locale.ts";
import { feedbackDirectMessageBody, feedbackDmLocale, isFeedbackDirectMessage } from "../../use-cases/feedback/feedback-dm-bodies.ts";
import { recognitionPromptBody } from "../../use-cases/recognition/recognition-prompt-bodies.ts";
import { renderBody } from "./blocks.ts";
import type { SlackMessage } from "./blocks.ts";

/** A direct message as Slack shows it; `recipient` is the user id (or message reference) it goes to; a recipient whose language Spur doesn't know reads the workspace's. */
export function renderDirectMessage(message: DirectMessage, recipient: string, workspaceLocale: Locale): SlackMessage {
  if (isFeedbackDirectMessage(message)) return renderBody(feedbackDirectMessageBody(message), feedbackDmLocale(message, recipient, workspaceLocale));
  return renderBody(recognitionPromptBody(message.weekKey), localeFor(message.member.locale, workspaceLocale));
}
