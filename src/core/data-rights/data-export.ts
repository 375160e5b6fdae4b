// spur export: an admin asks for a period's kudos, KPI records and feedback aggregates; a job streams them
// into files and delivers them to the admin privately. Both steps are audited.
import type { ExportFormat, ExportPeriodArg } from "./data-rights-command.ts";
import {
  csvChunks,
  FEEDBACK_COLUMNS,
  feedbackRecords,
  KPI_COLUMNS,
  kpiRecord,
  KUDOS_COLUMNS,
  kudosRecord,
  jsonChunks,
} from "./data-export-format.ts";
import type { AuditWriter, DataExportReads, ExportRequest } from "./data-rights-ports.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { code, msg, type Msg, when } from "../../i18n/message.ts";
import { monthContaining } from "../feedback/feedback-period.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import type { Clock } from "../shared/ports.ts";
import type { Locale } from "../../i18n/locale.ts";
import { periodByKey, periodContaining, periodDates, shiftPeriod } from "../shared/review-period.ts";

export interface ExportCommandDeps {
  clock: Clock;
  auditLog: AuditWriter;
  jobs: { exportData(request: ExportRequest): Promise<void> };
}

/** The period an export covers, in the team's time zone; a kind alone means the last complete one. */
export function resolveExportPeriod(arg: ExportPeriodArg, now: Date, timeZone: string): Period {
  if (arg.kind === "last") return shiftPeriod(periodContaining(arg.period, now, timeZone), -1);
  const period = periodByKey(arg.key, timeZone);
  if (!period) throw new SpurError(ErrorCode.UnknownArgument, msg("dataRights.parse.period", { key: code(arg.key) }));
  return period;
}

/** Checks the admin, records the request in the audit log and queues the export. */
export async function requestDataExport(
  deps: ExportCommandDeps,
  input: {
    workspace: Workspace;
    team: Team;
    actor: Member;
    period: ExportPeriodArg;
    format: ExportFormat;
    conversationId: string | null;
    requestId: string;
    /** The admin's language, for the files' titles and the message that goes with them. */
    locale: Locale;
  },
): Promise<{ period: Period; format: ExportFormat }> {
  if (input.actor.role !== "admin") {
    throw new SpurError(ErrorCode.NotAllowed, msg("dataRights.export.refused"));
  }
  const period = resolveExportPeriod(input.period, deps.clock.now(), input.team.timeZone);
  await deps.auditLog.record({
    workspaceId: input.workspace.id,
    actorUserId: input.actor.platformUserId,
    action: "data.export",
    target: period.key,
    details: { periodKey: period.key, format: input.format, timeZone: period.timeZone },
    reason: null,
  });
  await deps.jobs.exportData({
    workspaceId: input.workspace.id,
    teamId: input.team.id,
    actorUserId: input.actor.platformUserId,
    periodKey: period.key,
    timeZone: period.timeZone,
    format: input.format,
    conversationId: input.conversationId,
    requestId: input.requestId,
    locale: input.locale,
  });
  return { period, format: input.format };
}

/** Feedback periods (calendar months) that overlap a period. */
export function feedbackMonths(period: Period): string[] {
  const keys: string[] = [];
  for (let month = monthContaining(period.start, period.timeZone); month.start < period.end; month = monthContaining(month.end, period.timeZone)) {
    keys.push(month.key);
  }
  return keys;
}

/** One file of an export: its text arrives in chunks as rows are read. */
export interface ExportPart {
  filename: string;
  contentType: string;
  title: Msg;
  chunks: AsyncIterable<string>;
}

export interface ExportCounts {
  kudos: number;
  kpiRecords: number;
  feedback: number;
}

async function* counted<T>(rows: AsyncIterable<T>, counts: ExportCounts, key: keyof ExportCounts): AsyncGenerator<T> {
  for await (const row of rows) {
    counts[key] += 1;
    yield row;
  }
}

async function* mapped<T, U>(rows: AsyncIterable<T>, f: (row: T) => U[]): AsyncGenerator<U> {
  for await (const row of rows) yield* f(row);
}

/** The export's files, to be written one after the other; `counts` fills in as they are written. */
export async function exportParts(
  reads: DataExportReads,
  request: ExportRequest,
): Promise<{ period: Period; parts: ExportPart[]; counts: ExportCounts; threshold: number }> {
  const period = periodByKey(request.periodKey, request.timeZone);
  if (!period) throw new Error(`export of an unknown period ${request.periodKey}`);
  const threshold = await reads.anonymityThreshold(request.workspaceId);
  const counts: ExportCounts = { kudos: 0, kpiRecords: 0, feedback: 0 };
  const kudos = () => counted(mapped(reads.kudos(request.workspaceId, period), (r) => [kudosRecord(r)]), counts, "kudos");
  const kpis = () => counted(mapped(reads.kpiRecords(request.workspaceId, periodDates(period)), (r) => [kpiRecord(r)]), counts, "kpiRecords");
  const feedback = () =>
    counted(mapped(reads.feedbackStats(request.workspaceId, feedbackMonths(period)), (s) => feedbackRecords(s, threshold)), counts, "feedback");
  const base = `spur-export-${period.key}`;
  if (request.format === "json") {
    const head = { period: { key: period.key, start: period.start.toISOString(), end: period.end.toISOString(), timeZone: period.timeZone }, anonymityThreshold: threshold };
    const chunks = jsonChunks(head, [
      ["kudos", kudos()],
      ["kpiRecords", kpis()],
      ["feedback", feedback()],
    ]);
    return { period, counts, threshold, parts: [{ filename: `${base}.json`, contentType: "application/json", title: msg("dataRights.export.file", { part: "all", key: period.key }), chunks }] };
  }
  const csv = (name: "kudos" | "kpis" | "feedback", chunks: AsyncIterable<string>): ExportPart => ({
    filename: `${base}-${name}.csv`,
    contentType: "text/csv",
    title: msg("dataRights.export.file", { part: name, key: period.key }),
    chunks,
  });
  return {
    period,
    counts,
    threshold,
    parts: [
      csv("kudos", csvChunks(KUDOS_COLUMNS, kudos())),
      csv("kpis", csvChunks(KPI_COLUMNS, kpis())),
      csv("feedback", csvChunks(FEEDBACK_COLUMNS, feedback())),
    ],
  };
}

/** The message that goes with the files. */
export function exportSummary(period: Period, counts: ExportCounts, threshold: number): Msg {
  return msg("dataRights.export.summary", {
    period: exportPeriodParam(period),
    kudos: counts.kudos,
    kpiRecords: counts.kpiRecords,
    feedback: counts.feedback,
    threshold,
  });
}

/** "2026-11 (1 Nov – 30 Nov 2026)", in the reader's language. */
export function exportPeriodParam(period: Period): Msg {
  const last = new Date(period.end.getTime() - 1);
  return msg("dataRights.period", { key: period.key, from: when(period.start, period.timeZone, "dayMonth"), to: when(last, period.timeZone, "date") });
}
