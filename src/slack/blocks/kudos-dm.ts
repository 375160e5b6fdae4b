// Direct messages about a gift: to each recipient, and to a recipient's lead when the workspace wants it.
import type { Member } from "../../core/shared/model.ts";
import type { GiftView } from "../../core/shared/ports.ts";
import { escapeMrkdwn, mention, plural, values } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

function details(gift: GiftView): string {
  const tags = gift.values.length > 0 ? ` ${values(gift.values)}` : "";
  const link = gift.sourceRef ? `\n<${gift.sourceRef}|Original message>` : "";
  return `> ${escapeMrkdwn(gift.reason)}${tags}${link}`;
}

export function kudosReceivedMessage(gift: GiftView): SlackMessage {
  const giver = gift.giver ? mention(gift.giver) : "Someone";
  const text = `:star2: ${giver} gave you ${plural(gift.points, "point")}!`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: `${text}\n${details(gift)}` } }] };
}

export function leadNoteMessage(gift: GiftView, recipient: Member): SlackMessage {
  const giver = gift.giver ? mention(gift.giver) : "Someone";
  const text = `:star2: Your team member ${mention(recipient)} got ${plural(gift.points, "point")} from ${giver}.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text: `${text}\n${details(gift)}` } }] };
}
