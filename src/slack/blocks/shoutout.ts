// The public shoutout for a gift.
import type { GiftView } from "../../core/shared/ports.ts";
import { escapeMrkdwn, listOf, mention, plural, values } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export function shoutoutMessage(gift: GiftView): SlackMessage {
  if (gift.source === "customer") return customerShoutout(gift);
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

/** Customer kudos: a 5-star rating's comment, credited to the customer, never to a colleague. */
function customerShoutout(gift: GiftView): SlackMessage {
  const who = listOf(gift.recipients.map(mention));
  return {
    text: `:speech_balloon: A customer thanked ${who}: ${gift.reason}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:speech_balloon: A customer thanked ${who} with a 5-star rating` } },
      { type: "section", text: { type: "mrkdwn", text: `> ${escapeMrkdwn(gift.reason)}` } },
    ],
  };
}
