// What the weekly digests read beyond kudos totals and scorecard data, and the team's digest settings.
import type { AuditEntry } from "../shared/audit.ts";
import type { TeamKpiRecord } from "../kpi/kpi-ports.ts";
import type { Member } from "../shared/model.ts";
import type { TimeRange } from "../shared/ports.ts";

export type DatedKpiRecord = TeamKpiRecord & {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
};

export interface CustomerKudosHighlight {
  recipient: Pick<Member, "displayName" | "platformUserId">;
  /** The customer's comment. */
  comment: string;
  /** The helpdesk it came from. */
  via: string;
}

export interface FeedbackParticipation {
  /** Feedback requests about the team's members opened in the week, and the peers they asked. */
  requests: number;
  asked: number;
  answered: number;
  /** "Who helped you this week?" prompts sent in the week, and how many of those prompted then gave kudos. */
  promptsSent: number;
  promptsAnswered: number;
}

export interface PendingFeedbackRequest {
  subject: Pick<Member, "displayName" | "platformUserId">;
  dueAt: Date;
  asked: number;
  answered: number;
}

export interface TeamDigestSettings {
  /** Name agents whose composite fell in the public digest; off by default (only positive news names people). */
  nameAllMovers: boolean;
}

export const DEFAULT_TEAM_DIGEST_SETTINGS: TeamDigestSettings = { nameAllMovers: false };

export interface DigestReads {
  /** The team's members' KPI records with from <= date < toExclusive, with their dates. */
  teamRecordsBetween(teamId: string, from: string, toExclusive: string): Promise<DatedKpiRecord[]>;
  /** Kudos received per current member of the team in each range (peer and customer alike, as scorecards count them), in the order given. */
  teamKudosReceivedByRange(teamId: string, ranges: TimeRange[]): Promise<Map<string, number>[]>;
  /** Customer kudos (helpdesk ratings with a comment) received by the team's members, newest first. */
  customerKudos(teamId: string, range: TimeRange, limit: number): Promise<CustomerKudosHighlight[]>;
  feedbackParticipation(teamId: string, range: TimeRange, weekKey: string): Promise<FeedbackParticipation>;
  /** Open feedback requests about the team's members, soonest due first. */
  pendingFeedbackRequests(teamId: string): Promise<PendingFeedbackRequest[]>;
  settings(teamId: string): Promise<TeamDigestSettings>;
  /** Writes the audit entry (none when nothing changed) in the same transaction. */
  setSettings(teamId: string, settings: TeamDigestSettings, audit: AuditEntry | undefined): Promise<void>;
}
