// Ephemeral replies to the person who ran a command.
import type { KnownBlock } from "./format.ts";

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

export function errorReply(message: string): SlackMessage {
  return { text: message, blocks: [{ type: "section", text: { type: "mrkdwn", text: `:warning: ${message}` } }] };
}

export function infoReply(message: string): SlackMessage {
  return { text: message, blocks: [{ type: "section", text: { type: "mrkdwn", text: message } }] };
}
