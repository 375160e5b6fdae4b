// The interfaces data export and member erasure need: streamed reads for exports, one erasing transaction,
// and per-platform delivery of export files. src/store and the chat adapters implement them.
import type { AuditEntry } from "../shared/audit.ts";
import type { ExportFormat } from "./data-rights-command.ts";
import type { FeedbackStats } from "../feedback/feedback-model.ts";
import type { TimeRange } from "../shared/ports.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Msg } from "../../i18n/message.ts";

export interface KudosExportRow {
  kudosId: string;
  giftId: string;
  givenAt: Date;
  giverName: string | null;
  giverUserId: string | null;
  recipientName: string;
  recipientUserId: string;
  team: string;
  points: number;
  values: string[];
  reason: string;
  source: string;
  revoked: boolean;
}

export interface KpiExportRow {
  memberName: string;
  memberUserId: string;
  team: string | null;
  metric: string;
  date: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
}

/** Rating sums of one subject for one feedback period, named and anonymous kept apart. */
export interface FeedbackSubjectStats {
  memberName: string;
  memberUserId: string;
  team: string | null;
  periodKey: string;
  stats: FeedbackStats;
}

/** Rows are read in pages, so an export never holds a whole workspace in memory. */
export interface DataExportReads {
  kudos(workspaceId: string, range: TimeRange): AsyncIterable<KudosExportRow>;
  kpiRecords(workspaceId: string, dates: { from: string; toExclusive: string }): AsyncIterable<KpiExportRow>;
  feedbackStats(workspaceId: string, periodKeys: string[]): AsyncIterable<FeedbackSubjectStats>;
  anonymityThreshold(workspaceId: string): Promise<number>;
}

/** One file of an export, already written to disk by the job. */
export interface ExportFile {
  path: string;
  filename: string;
  contentType: string;
  title: Msg;
}

/** Where and to whom an export goes: the admin who asked, in a private conversation. */
export interface ExportRecipient {
  workspaceId: string;
  platformUserId: string;
  /** Teams: the personal chat the command came from. Slack opens the DM itself. */
  conversationId: string | null;
}

export interface ExportDelivery {
  /** Each surface spells the titles and the comment in `locale`, its own way. */
  deliver(to: ExportRecipient, files: ExportFile[], comment: Msg, locale: Locale): Promise<void>;
}

export interface ExportRequest {
  workspaceId: string;
  teamId: string;
  actorUserId: string;
  periodKey: string;
  timeZone: string;
  format: ExportFormat;
  conversationId: string | null;
  /** Unique per command delivery: a redelivered command queues nothing new. */
  requestId: string;
  /** The admin's language; absent on exports queued before it was recorded (then English). */
  locale?: Locale;
}

/** What erasing a member changed, by kind of row (counts only: no personal data). */
export type ErasureCounts = Record<string, number>;

export interface MemberEraser {
  /**
   * Erases the member's personal data in one transaction (see README "Data rights") and writes the audit
   * entry in it. Anonymous answers are left exactly as they are; the member's feedback salt is replaced, so their
   * marks can no longer be recomputed, and `legacyKeyOf` recomputes the unsalted keys of older answers to delete.
   */
  erase(input: {
    workspaceId: string;
    memberId: string;
    legacyKeyOf: (subjectId: string, periodKey: string) => string;
    audit: Omit<AuditEntry, "target" | "details">;
  }): Promise<{ tombstoneUserId: string; counts: ErasureCounts }>;
}

export interface AuditWriter {
  record(entry: AuditEntry): Promise<void>;
}
