// Replies to the person who sent a command: errors and information.
import { card, type TeamsMessage, textBlock } from "./adaptive-card.ts";

export function errorReply(message: string): TeamsMessage {
  return { text: message, card: card([textBlock(`⚠️ ${message}`, { color: "Attention" })]) };
}

export function infoReply(message: string): TeamsMessage {
  return { text: message, card: card([textBlock(message)]) };
}
