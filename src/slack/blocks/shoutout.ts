// The public shoutout for a gift.
import type { GiftView } from "../../core/ports.ts";
import { escapeMrkdwn, listOf, mention, plural, values } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export function shoutoutMessage(gift: GiftView): SlackMessage {
  const giver = gift.giver ? mention(gift.giver) : "Someone";
  const who = listOf(gift.recipients.map(mention));
  const each = gift.recipients.length > 1 ? " each" : "";
  const text = `:star2: ${giver} gave ${who}${each} ${plural(gift.points, "point")}: ${gift.reason}`;
  const context = [values(gift.values), gift.sourceRef ? `<${gift.sourceRef}|Original message>` : ""].filter(Boolean);
  return {
    text,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `:star2: ${giver} gave ${who}${each} *${plural(gift.points, "point")}*` },
      },
      { type: "section", text: { type: "mrkdwn", text: `> ${escapeMrkdwn(gift.reason)}` } },
      ...(context.length > 0
        ? [{ type: "context" as const, elements: [{ type: "mrkdwn" as const, text: context.join("  ·  ") }] }]
        : []),
    ],
  };
}
