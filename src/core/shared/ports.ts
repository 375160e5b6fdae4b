// The interfaces the domain needs from the outside world. src/store implements the repositories;
// the chat adapters implement PlatformUsers (and Notifier, in core/outbound).
import type { Locale } from "../../i18n/locale.ts";
import type { AuditEntry } from "./audit.ts";
import type {
  KpiObservation,
  KudosTotals,
  Member,
  NewGift,
  Platform,
  PlatformUserProfile,
  RecipientTally,
  Role,
  StoredGift,
  Team,
  Workspace,
} from "./model.ts";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface TimeRange {
  start: Date;
  end: Date;
}

export interface WorkspaceRepository {
  /** Finds or creates the workspace and its default team. */
  ensure(
    platform: Platform,
    externalId: string,
    defaults: { teamTimeZone: string },
  ): Promise<{ workspace: Workspace; defaultTeam: Team; teamCreated: boolean }>;
  teamById(teamId: string): Promise<Team | null>;
  /** Every team, or only the workspace's. */
  listTeams(filter?: { workspaceId: string }): Promise<(Team & { platform: Platform; workspaceExternalId: string })[]>;
  /** With `audit`, the entry is written in the same transaction (an admin's change; not the installation's). */
  updateTeam(
    teamId: string,
    patch: Partial<Pick<Team, "channelId" | "timeZone" | "digestDay" | "digestMinuteOfDay">>,
    audit?: AuditEntry,
  ): Promise<Team>;
  /** The language Spur speaks in the workspace; with `audit`, the entry is written in the same transaction. */
  setLocale(workspaceId: string, locale: Locale, audit?: AuditEntry): Promise<Workspace>;
  /** Deletes the team (and what belongs only to it); false when there was no such team. */
  removeTeam(teamId: string): Promise<boolean>;
}

/** Which teams a member leads (a lead may lead several). */
export interface TeamLeadership {
  teamsLedBy(memberId: string): Promise<string[]>;
}

export interface MemberRepository {
  findByPlatformIds(workspaceId: string, platformUserIds: string[]): Promise<Member[]>;
  findByHandles(workspaceId: string, handles: string[]): Promise<Member[]>;
  /** With `audit`, the entry is written in the same transaction. */
  setRole(memberId: string, role: Role, audit?: AuditEntry): Promise<Member>;
  /** Remembers the member's chat language (a platform tag such as "zh-CN"). */
  setLocale(memberId: string, locale: string | null): Promise<Member>;
  /**
   * Inserts or refreshes members from platform profiles, placing new ones in `teamId`. A provisional member
   * becomes a full one (and gets the role the profile implies); a known member keeps their role and team.
   * `fromDirectory`: the profiles come from the platform's directory (roster sync, profile events), not from
   * the person using Spur, so accounts whose data an admin erased are left out.
   */
  upsertProfiles(workspaceId: string, teamId: string, profiles: PlatformUserProfile[], options?: { fromDirectory?: boolean }): Promise<Member[]>;
  /**
   * The members for these people: those Spur knows as they are; the others created provisionally (named
   * `displayName` until their profile is known, placed in `teamId`), with the reading of their profiles from the
   * platform queued durably in the same statement (the outbox topic MEMBER_RESOLVE_TOPIC).
   */
  findOrAddProvisional(workspace: Workspace, teamId: string, people: { platformUserId: string; displayName: string }[]): Promise<Member[]>;
  /** Of these people, the ones whose members are still provisional. */
  provisionalOf(workspaceId: string, platformUserIds: string[]): Promise<string[]>;
  /** Marks members gone from the workspace (removed, or unknown to the platform): deactivated, history kept. */
  markDeparted(workspaceId: string, platformUserIds: string[]): Promise<number>;
}

export interface KudosRepository {
  recordGift(gift: NewGift): Promise<StoredGift>;
  totals(memberId: string, range: TimeRange): Promise<KudosTotals>;
  teamWeek(teamId: string, range: TimeRange, top: number): Promise<TeamKudosWeek>;
  /** Kudos count and points received by the team's members in each range, in the order given. */
  teamTotalsByRange(teamId: string, ranges: TimeRange[]): Promise<{ count: number; points: number }[]>;
  markShoutoutPosted(giftId: string, ref: string): Promise<void>;
  gift(giftId: string): Promise<GiftView | null>;
}

export interface TeamKudosWeek {
  count: number;
  points: number;
  givers: number;
  topRecipients: RecipientTally[];
  values: { value: string; count: number }[];
}

export interface GiftView {
  giftId: string;
  workspaceId: string;
  giver: Member | null;
  recipients: Member[];
  points: number;
  reason: string;
  values: string[];
  source: string;
  sourceRef: string | null;
  createdAt: Date;
  shoutoutRef: string | null;
}

export interface KpiRepository {
  observations(memberId: string, fromDate: string, toDateExclusive: string): Promise<KpiObservation[]>;
}

export interface DigestRunRepository {
  /**
   * Claims the run (team, kind, period) for posting: creates it if new, or takes over one whose lease
   * expired. Returns null when the run is already posted or another worker holds a live lease.
   */
  claim(key: RunKey, leaseMs: number, now: Date): Promise<ClaimedRun | null>;
  markPosted(runId: string, channelId: string, messageRef: string, now: Date): Promise<void>;
  markFailed(runId: string, reason: string): Promise<void>;
  release(runId: string): Promise<void>;
  /** The team's most recent runs of each kind (up to `perKind` each), newest first within a kind. */
  recentByKind(teamId: string, kinds: readonly string[], perKind: number): Promise<RunSummary[]>;
  /**
   * The team's runs of `kind` counted per period: the part of their period key before `separator` (runs of
   * one period for several recipients, such as the lead digests of a week). The `limit` latest periods, newest first.
   */
  runsPerPeriod(teamId: string, kind: string, separator: string, limit: number): Promise<RunGroup[]>;
}

/** The runs of one period (see DigestRunRepository.runsPerPeriod). */
export interface RunGroup {
  periodKey: string;
  posted: number;
  failed: number;
  inProgress: number;
  /** The distinct reasons of the failed runs. */
  errors: string[];
}

export interface RunSummary {
  kind: string;
  periodKey: string;
  status: "pending" | "posting" | "posted" | "failed";
  attempts: number;
  postedAt: Date | null;
  error: string | null;
}

export interface RunKey {
  teamId: string;
  kind: string;
  periodKey: string;
}

export interface ClaimedRun {
  id: string;
  /** 1 on the first claim; more means an earlier attempt may have posted without recording it. */
  attempt: number;
}

/** Looks up users on the chat platform (Slack users.info, Teams roster). */
export interface PlatformUsers {
  lookup(workspace: Workspace, platformUserId: string): Promise<PlatformUserProfile | null>;
}

export interface PostedRef {
  channelId: string;
  messageRef: string;
}

export interface RunMarker {
  eventType: string;
  periodKey: string;
  teamId: string;
}
