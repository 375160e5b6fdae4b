// Ports of the KPI area: writing ingested records, API tokens, helpdesk identities, targets and the
// team-wide reads a scorecard needs.
import type { MetricCode } from "./kpi-catalogue.ts";
import type { PeriodKind } from "../shared/review-period.ts";
import type { KpiInput } from "./kpi-math.ts";
import type { FollowUpsOf } from "../recognition/gift-follow-ups.ts";
import type { KpiObservation, KudosTotals, Member } from "../shared/model.ts";
import type { TimeRange } from "../shared/ports.ts";
import type { AuditEntry } from "../shared/audit.ts";

/** A validated record ready to store; value is derived from numerator/denominator for ratios. */
export interface NewKpiRecord {
  memberId: string;
  metric: MetricCode;
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
  ref: string;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface KpiRecordWriter {
  /** Inserts new records, updates changed ones, leaves identical ones alone — all or nothing. */
  upsert(records: NewKpiRecord[]): Promise<UpsertCounts>;
}

/** How a record names its member: by email, by Spur member id, or by a helpdesk agent id mapped to a member. */
export type MemberRef = { email: string } | { id: string } | { helpdesk: string; agentId: string };

/** A checked record of a bulk import, naming its member as the file did, with the file's line for the report. */
export interface StagedKpiRecord extends Omit<NewKpiRecord, "memberId"> {
  line: number;
  member: MemberRef;
}

/** A staged record whose member is not in the workspace (or no member is mapped to its helpdesk agent). */
export interface UnknownMember {
  line: number;
  member: MemberRef;
}

/**
 * One bulk import, in one transaction: records are staged as they are read, their members are resolved in the
 * database, and `commit` writes them; `abort` (or any failure) writes nothing.
 */
export interface KpiImportSession {
  stage(records: StagedKpiRecord[]): Promise<void>;
  /** The staged records naming no member: how many, and the first `limit` of them by line. */
  unknownMembers(limit: number): Promise<{ count: number; first: UnknownMember[] }>;
  /** Upserts the staged records with a known member — of records staged twice, the later line — and commits. */
  commit(): Promise<UpsertCounts>;
  abort(): Promise<void>;
}

export interface KpiBulkImport {
  begin(workspaceId: string): Promise<KpiImportSession>;
}

export interface MemberLookup {
  /** Members of the workspace by lower-cased email. */
  byEmails(workspaceId: string, emails: string[]): Promise<Map<string, Member>>;
  byIds(workspaceId: string, ids: string[]): Promise<Map<string, Member>>;
  /** Members mapped to a helpdesk's agent ids. */
  byHelpdeskIds(workspaceId: string, provider: string, externalIds: string[]): Promise<Map<string, Member>>;
}

export interface CustomerKudos {
  workspaceId: string;
  recipient: Member;
  comment: string;
  /** The helpdesk's rating id: one rating gives one kudos however often it is delivered. */
  ref: string;
  source: string;
  givenAt: Date;
}

export interface CustomerKudosWriter {
  /** `created` is false when this rating was already recorded; a new gift's follow-ups are written with it. */
  record(kudos: CustomerKudos, followUps: FollowUpsOf): Promise<{ giftId: string; created: boolean }>;
}

export interface KpiTarget {
  metric: MetricCode;
  target: number;
  weight: number;
  /** The period the target is set for; a volume's target is pro-rated to the span viewed (see target-span.ts). */
  period: PeriodKind;
  minVolume: number | null;
}

/** A level's override of one KPI's target and weight (see effective-targets.ts). */
export interface LevelTarget {
  metric: MetricCode;
  target: number;
  weight: number;
}

/** A member's level and its overrides. */
export interface MemberLevel {
  levelId: string;
  name: string;
  targets: LevelTarget[];
}

export interface KpiTargetRepository {
  forTeam(teamId: string): Promise<KpiTarget[]>;
  /** The levels (with their target overrides) of those of these members who hold one. */
  levelsOf(memberIds: readonly string[]): Promise<Map<string, MemberLevel>>;
  /** The team's targets and these members' levels, in one read. */
  scoringTargets(teamId: string, memberIds: readonly string[]): Promise<{ team: KpiTarget[]; levels: Map<string, MemberLevel> }>;
  /** Sets one target, unaudited (seeding); an admin's or lead's changes go through `change`. */
  set(teamId: string, target: KpiTarget, updatedById: string): Promise<void>;
  /** Sets and removes targets with their audit entries, in one transaction; returns the metrics it removed. */
  change(teamId: string, change: { set: KpiTarget[]; remove: MetricCode[] }, updatedById: string, audit: AuditEntry[]): Promise<MetricCode[]>;
}

/** A team member's observation of a metric: one record, or a rollup of many (a day's). */
export type TeamKpiRecord = KpiInput & {
  memberId: string;
  metric: string;
};

export interface KudosBreakdown {
  peer: { count: number; points: number };
  customer: { count: number };
  topValues: { value: string; count: number }[];
}

/** One period of a scorecard's facts. */
export interface ScorecardPeriodFacts {
  /** Each team member's KPI inputs per metric (from the rollups: one entry per member and metric). */
  records: TeamKpiRecord[];
  /** Kudos received per team member (peer and customer alike). */
  teamKudos: Map<string, number>;
  /** The subject's kudos received and given. */
  totals: KudosTotals;
  received: KudosBreakdown;
}

/** Everything a scorecard computes from, except peer feedback (its own feature and anonymity rules). */
export interface ScorecardFacts {
  /** Active, human members of the team. */
  members: Member[];
  teamTargets: KpiTarget[];
  /** The levels of the team's members and the subject, for those who hold one. */
  levels: Map<string, MemberLevel>;
  /** The subject's own records of the current period, at most `listed`. */
  observations: KpiObservation[];
  current: ScorecardPeriodFacts;
  previous: ScorecardPeriodFacts;
}

export interface ScorecardFactsQuery {
  teamId: string;
  subjectId: string;
  /** The current and previous periods: their instants (kudos) and local dates (KPI records). */
  current: { range: TimeRange; from: string; toExclusive: string };
  previous: { range: TimeRange; from: string; toExclusive: string };
  listed: number;
}

export interface ScorecardReads {
  /** A scorecard's facts in one read (one statement). */
  scorecardFacts(q: ScorecardFactsQuery): Promise<ScorecardFacts>;
  /**
   * Active, human members of the team; with `during`, also those who were in it then (they received kudos or
   * have KPI records of the team in that time), so a member moved since still counts where they were.
   */
  teamMembers(teamId: string, during?: { range: TimeRange; from: string; toExclusive: string }): Promise<Member[]>;
  /** All KPI records of the team's members with from <= date < toExclusive. */
  teamRecords(teamId: string, from: string, toExclusive: string): Promise<TeamKpiRecord[]>;
  /** Kudos received per member of the team in the range (peer and customer apart). */
  teamKudosReceived(teamId: string, range: TimeRange): Promise<Map<string, number>>;
}

export interface ApiTokenRepository {
  /**
   * Creates a token and returns it in clear text — the only time it is ever available. With `audit`, the entry
   * (its target: the token's prefix, never the token) is written in the same transaction.
   */
  create(workspaceId: string, name: string, createdById: string | null, audit?: AuditEntry): Promise<{ token: string; prefix: string }>;
  /** The workspace of a live token, or null. */
  verify(token: string): Promise<string | null>;
  list(workspaceId: string): Promise<{ name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }[]>;
  /** Revokes the workspace's live tokens starting with `prefix`; returns how many (audited when one was). */
  revoke(workspaceId: string, prefix: string, now: Date, audit: AuditEntry): Promise<number>;
}

export interface HelpdeskRepository {
  secret(workspaceId: string, provider: string): Promise<string | null>;
  /** With `audit`, the entry (which never holds the secret) is written in the same transaction. */
  setSecret(workspaceId: string, provider: string, secret: string, audit?: AuditEntry): Promise<void>;
  /** Forgets the helpdesk's secret (its webhooks are refused again); false when there was none. Audited when there was. */
  removeSecret(workspaceId: string, provider: string, audit: AuditEntry): Promise<boolean>;
  mapAgent(workspaceId: string, provider: string, externalId: string, memberId: string, audit: AuditEntry): Promise<void>;
  /** Whether customer kudos are posted in the team's shoutout channel (off by default). */
  customerShoutouts(workspaceId: string): Promise<boolean>;
  setCustomerShoutouts(workspaceId: string, on: boolean, audit: AuditEntry): Promise<void>;
}
