// A gift's posts: the public shoutout (which notifies the people it names), and the private notes to each
// recipient and to a recipient's lead.
import type { Member } from "../../core/shared/model.ts";
import type { GiftView } from "../../core/shared/ports.ts";
import { link, list, msg, type Msg, type Param } from "../../i18n/message.ts";
import { type Block, type Body, subtle } from "../body.ts";
import { dotted, plainText, who } from "./post-wording.ts";
import type { Locale } from "../../i18n/locale.ts";

function giverOf(gift: GiftView): Param {
  return gift.giver ? who(gift.giver) : msg("post.someone");
}

/** The gift's company values and the link to the message it was given for, as small print. */
function details(gift: GiftView, locale: Locale): Block[] {
  const parts: Param[] = [];
  if (gift.values.length > 0) parts.push(gift.values.map((v) => `#${v}`).join(" "));
  if (gift.sourceRef && /^https:\/\//.test(gift.sourceRef)) parts.push(link(gift.sourceRef, plainText(msg("post.originalMessage"), locale)));
  return parts.length === 0 ? [] : [subtle(dotted(parts))];
}

export function shoutoutBody(gift: GiftView, locale: Locale): Body {
  const recipients = list(gift.recipients.map(who));
  if (gift.source === "customer") {
    return {
      notify: true,
      summary: msg("shoutout.customerSummary", { who: recipients, reason: gift.reason }),
      blocks: [{ kind: "text", text: msg("shoutout.customer", { who: recipients }) }, { kind: "quote", text: gift.reason }],
    };
  }
  const params = { giver: giverOf(gift), who: recipients, count: gift.recipients.length, points: gift.points };
  return {
    notify: true,
    summary: msg("shoutout.summary", { ...params, reason: gift.reason }),
    blocks: [{ kind: "text", text: msg("shoutout.head", params) }, { kind: "quote", text: gift.reason }, ...details(gift, locale)],
  };
}

/** A private note: the reason quoted with its values, as the giver's confirmation shows it, and the link. */
function note(head: Msg, gift: GiftView, locale: Locale): Body {
  const tags = gift.values.length > 0 ? ` ${gift.values.map((v) => `#${v}`).join(" ")}` : "";
  return { summary: head, blocks: [{ kind: "text", text: head }, { kind: "quote", text: `${gift.reason}${tags}` }, ...details({ ...gift, values: [] }, locale)] };
}

export function kudosReceivedBody(gift: GiftView, locale: Locale): Body {
  return note(msg("shoutout.received", { giver: giverOf(gift), points: gift.points }), gift, locale);
}

export function leadNoteBody(gift: GiftView, recipient: Member, locale: Locale): Body {
  return note(msg("shoutout.leadNote", { member: who(recipient), points: gift.points, giver: giverOf(gift) }), gift, locale);
}
