// Replies to the person who sent a command: errors, information and the kudos confirmation.
import { allowanceLeftAfter, type GiftOutcome } from "../../core/recognition/kudos.ts";
import { card, escapeMarkdown, listOf, plural, type TeamsMessage, textBlock, valueTags } from "./adaptive-card.ts";

export function errorReply(message: string): TeamsMessage {
  return { text: message, card: card([textBlock(`⚠️ ${message}`, { color: "Attention" })]) };
}

export function infoReply(message: string): TeamsMessage {
  return { text: message, card: card([textBlock(message)]) };
}

export function kudosConfirmation(outcome: GiftOutcome): TeamsMessage {
  const who = listOf(outcome.recipients.map((r) => r.displayName));
  const each = outcome.recipients.length > 1 ? " each" : "";
  const head = outcome.stored.created
    ? `🎉 Kudos sent! ${who}${each} got ${plural(outcome.points, "point")}.`
    : `✅ Those kudos to ${who} were already recorded — nothing was sent twice.`;
  const tags = outcome.values.length > 0 ? ` ${valueTags(outcome.values)}` : "";
  return {
    text: head,
    card: card([
      textBlock(escapeMarkdown(head), { weight: "Bolder" }),
      textBlock(`${escapeMarkdown(outcome.reason)}${tags}`, { isSubtle: true }),
      ...(allowanceLeftAfter(outcome) ? [textBlock(allowanceLeftAfter(outcome), { isSubtle: true })] : []),
    ]),
  };
}
