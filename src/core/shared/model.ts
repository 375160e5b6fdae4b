// The domain's own view of the data: plain objects, no ORM or platform types.
import type { Locale } from "../../i18n/locale.ts";

export type Platform = "slack" | "teams";
export type Role = "agent" | "lead" | "admin";
export type KudosSource = "slash_command" | "modal" | "reaction" | "shortcut" | "customer";

export interface Workspace {
  id: string;
  platform: Platform;
  externalId: string;
  /** The language Spur speaks here unless a member's own chat language says otherwise. */
  locale: Locale;
}

export interface Team {
  id: string;
  workspaceId: string;
  name: string;
  channelId: string | null;
  timeZone: string;
  /** ISO weekday, 1 = Monday. */
  digestDay: number;
  /** Local minutes after midnight. */
  digestMinuteOfDay: number;
  /** Archived by an admin: no members, no scheduled posts. */
  archived?: boolean;
}

export interface Member {
  id: string;
  workspaceId: string;
  teamId: string | null;
  platformUserId: string;
  displayName: string;
  handle: string | null;
  /** The member's chat language as the platform last reported it (any tag; Spur maps it onto its locales). */
  locale: string | null;
  role: Role;
  isBot: boolean;
  isDeactivated: boolean;
  /** Stored before Spur read their profile (a gift named them first): name, role and language still to come. */
  provisional?: boolean;
}

/** What the chat platform tells us about a user we have not seen before. */
export interface PlatformUserProfile {
  platformUserId: string;
  displayName: string;
  handle: string | null;
  email: string | null;
  timeZone: string | null;
  /** The user's chat language, when the platform says (Slack's users.info with include_locale). */
  locale?: string | null;
  isBot: boolean;
  isDeactivated: boolean;
  isWorkspaceAdmin: boolean;
}

export interface NewGift {
  workspaceId: string;
  giverId: string;
  recipients: { memberId: string; teamId: string }[];
  points: number;
  reason: string;
  values: string[];
  source: KudosSource;
  sourceRef: string | null;
  /** Unique per delivery; each recipient's row is keyed `${idempotencyKey}:${memberId}`. */
  idempotencyKey: string;
  givenAt: Date;
}

export interface StoredGift {
  giftId: string;
  createdAt: Date;
  /** False when the same delivery was already stored (a retry): nothing new was written. */
  created: boolean;
  /** Points the giver has given in the current allowance window, this gift included (allowance-checked gifts). */
  giverSpent?: number;
}

export interface KudosTotals {
  received: { count: number; points: number };
  given: { count: number; points: number };
}

export interface KpiObservation {
  metric: string;
  periodDate: string;
  value: number;
  source: string;
}

export interface RecipientTally {
  memberId: string;
  displayName: string;
  platformUserId: string;
  points: number;
  count: number;
}
