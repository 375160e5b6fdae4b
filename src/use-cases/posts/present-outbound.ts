// Every post Spur sends on its own (shoutouts, kudos notes, digests, leaderboards, awards) as one neutral body,
// in the language of whoever reads it: a channel post in the workspace's, a direct message in the recipient's.
import type { OutboundMessage } from "../../core/outbound/outbound-message.ts";
import { type Locale, localeFor } from "../../i18n/locale.ts";
import type { Body } from "../body.ts";
import { awardsBody } from "./awards-body.ts";
import { leadDigestBody } from "./lead-digest-body.ts";
import { leaderboardBody } from "./leaderboard-body.ts";
import { kudosReceivedBody, leadNoteBody, shoutoutBody } from "./shoutout-body.ts";
import { weeklyDigestBody } from "./weekly-digest-body.ts";

export function presentOutbound(message: OutboundMessage, locale: Locale): Body {
  switch (message.kind) {
    case "shoutout":
      return shoutoutBody(message.gift, locale);
    case "kudos_received":
      return kudosReceivedBody(message.gift, locale);
    case "kudos_lead_note":
      return leadNoteBody(message.gift, message.recipient, locale);
    case "weekly_digest":
      return weeklyDigestBody(message.digest);
    case "lead_digest":
      return leadDigestBody(message.digest);
    case "leaderboard_post":
      return leaderboardBody(message.post);
    case "awards_post":
      return awardsBody(message.awards);
  }
}

/** Sent to one person (their DM / personal chat) rather than to a channel. */
export function isDirectMessage(message: OutboundMessage): boolean {
  return message.kind === "kudos_received" || message.kind === "kudos_lead_note" || message.kind === "lead_digest";
}

/** The language of a post to a channel or person. */
export type PostLocaleOf = (to: string, message: OutboundMessage) => Promise<Locale>;

export interface PostLocaleLookups {
  workspaceLocale(): Promise<Locale>;
  /** The chat language of the member with this platform user id, if Spur knows it. */
  memberLocale(platformUserId: string): Promise<string | null>;
}

/** Which language a post to `to` goes out in. */
export async function postLocale(lookups: PostLocaleLookups, to: string, message: OutboundMessage): Promise<Locale> {
  const workspace = await lookups.workspaceLocale();
  return isDirectMessage(message) ? localeFor(await lookups.memberLocale(to), workspace) : workspace;
}
