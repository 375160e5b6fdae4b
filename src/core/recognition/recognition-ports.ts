// Ports of the recognition features (allowance-checked gifts, history, leaderboards, revokes, settings,
// event dedupe). src/store implements them.
import type { AuditEntry } from "../shared/audit.ts";
import type { Member, NewGift, StoredGift } from "../shared/model.ts";
import type { TimeRange } from "../shared/ports.ts";
import type { FollowUpsOf } from "./gift-follow-ups.ts";
import type { RecognitionSettings } from "./recognition-settings.ts";

/** Limits the store enforces atomically, with the giver locked, when it records a gift. */
export interface GiftLimits {
  allowancePoints: number;
  /** Start of the giver's current allowance window. */
  windowStart: Date;
  /** Gifts to the same recipient at or after this instant block the gift; null = no cool-down. */
  cooldownSince: Date | null;
}

export type GiftLimitBreach =
  | { kind: "allowance"; spent: number }
  | { kind: "cooldown"; recipientId: string; lastGivenAt: Date };

/** Thrown by the store when a gift would break a limit; core turns it into a friendly SpurError. */
export class GiftRefusedError extends Error {
  constructor(readonly breach: GiftLimitBreach) {
    super(`gift refused: ${breach.kind}`);
    this.name = "GiftRefusedError";
  }
}

export interface HistoryItem {
  kudosId: string;
  giftId: string;
  direction: "given" | "received";
  /** The other person: recipient of a gift given, giver of one received. */
  otherPlatformUserId: string | null;
  otherName: string;
  points: number;
  reason: string;
  values: string[];
  createdAt: Date;
  revoked: boolean;
}

export interface LeaderboardRow {
  memberId: string;
  platformUserId: string;
  displayName: string;
  points: number;
  count: number;
  rank: number;
}

export interface LeaderboardQuery {
  workspaceId: string;
  teamId: string;
  range: TimeRange | null;
  direction: "given" | "received";
  value: string | null;
  top: number;
  callerId: string;
}

export interface RevokedGift {
  giftId: string;
  rows: number;
  points: number;
  recipientUserIds: string[];
}

export interface KudosLedger {
  /**
   * Records the gift unless it breaks a limit (throws GiftRefusedError); a redelivery returns the stored gift.
   * A new gift's follow-ups are written in the same transaction.
   */
  recordLimitedGift(gift: NewGift, limits: GiftLimits, followUps?: FollowUpsOf): Promise<StoredGift>;
  /** Points given by the member since `since` (revoked kudos excluded). */
  pointsGivenSince(giverId: string, since: Date): Promise<number>;
  history(memberId: string, page: { offset: number; limit: number }): Promise<{ items: HistoryItem[]; total: number }>;
  leaderboard(query: LeaderboardQuery): Promise<{ rows: LeaderboardRow[]; caller: LeaderboardRow | null }>;
  /** Revokes a gift named by id or id prefix and writes the audit entry in the same transaction. */
  revokeGift(workspaceId: string, giftRef: string, at: Date, audit: AuditEntry): Promise<RevokedGift | "not_found" | "ambiguous" | "already_revoked">;
  /** Takes back a reaction gift: revokes its row and frees its key so a new reaction can give again. */
  revokeByKey(rowKey: string, at: Date, suffix: string): Promise<number>;
}

export interface RecognitionSettingsRepository {
  get(workspaceId: string): Promise<RecognitionSettings>;
  /** Saves the settings and the audit entry together. */
  save(workspaceId: string, settings: RecognitionSettings, audit: AuditEntry): Promise<RecognitionSettings>;
}

export interface ProcessedEvents {
  seen(workspaceId: string, eventId: string): Promise<boolean>;
  markSeen(workspaceId: string, eventId: string): Promise<void>;
}

/**
 * Reaction removals remembered by reaction (giver + message + emoji), so a reaction_added that arrives after
 * its own removal (events are not delivered in order) gives nothing. Times are the platform's event
 * timestamps ("1763800000.000100").
 */
export interface ReactionTombstones {
  /** The reaction was removed at `removedAt` (the latest removal is kept). */
  remember(workspaceId: string, reactionKey: string, removedAt: string): Promise<void>;
  /** A removal of this reaction is known that happened after `addedAt`. */
  removedAfter(workspaceId: string, reactionKey: string, addedAt: string): Promise<boolean>;
}

export interface TeamLeads {
  /** The leads of any of these teams (team_lead), still in the workspace. */
  leadsOf(teamIds: string[]): Promise<Member[]>;
}
