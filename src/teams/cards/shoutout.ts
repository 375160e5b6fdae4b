// The public shoutout for a gift.
import type { GiftView } from "../../core/shared/ports.ts";
import { teamsMessageLink } from "../message-link.ts";
import { card, escapeMarkdown, listOf, plural, type TeamsMessage, textBlock, valueTags } from "./adaptive-card.ts";

export function shoutoutCard(gift: GiftView): TeamsMessage {
  const giver = gift.giver?.displayName ?? "Someone";
  const who = listOf(gift.recipients.map((r) => r.displayName));
  const each = gift.recipients.length > 1 ? " each" : "";
  const text = `🌟 ${giver} gave ${who}${each} ${plural(gift.points, "point")}: ${gift.reason}`;
  const body = [
    textBlock(`🌟 ${escapeMarkdown(giver)} gave ${escapeMarkdown(who)}${each} **${plural(gift.points, "point")}**`, { size: "Medium" }),
    { type: "Container", style: "emphasis", items: [textBlock(escapeMarkdown(gift.reason))] },
  ];
  if (gift.values.length > 0) body.push(textBlock(valueTags(gift.values), { isSubtle: true, spacing: "Small" }));
  const link = teamsMessageLink(gift.sourceRef);
  if (link) body.push(textBlock(`[Original message](${link})`, { isSubtle: true, spacing: "Small" }));
  return { text, card: card(body) };
}
