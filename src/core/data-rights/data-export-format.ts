// Export rows → file text, streamed chunk by chunk: CSV (one file per kind of row) or one JSON document.
import { aggregateFeedback, effectiveThreshold } from "../feedback/feedback.ts";
import type { FeedbackSubjectStats, KpiExportRow, KudosExportRow } from "./data-rights-ports.ts";

export type Cell = string | number | boolean | null;

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is prefixed with '. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value !== "string") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvField).join(",")}\r\n`;
}

export const KUDOS_COLUMNS = ["kudos_id", "gift_id", "given_at", "giver", "giver_id", "recipient", "recipient_id", "team", "points", "values", "reason", "source", "revoked"] as const;
export const KPI_COLUMNS = ["date", "member", "member_id", "team", "metric", "value", "numerator", "denominator", "source"] as const;
export const FEEDBACK_COLUMNS = ["period", "member", "member_id", "team", "dimension", "mean", "ratings", "answers", "anonymous_included"] as const;

type Record_<C extends readonly string[]> = { [K in C[number]]: Cell };
export type KudosRecord = Record_<typeof KUDOS_COLUMNS>;
export type KpiRecordOut = Record_<typeof KPI_COLUMNS>;
export type FeedbackRecord = Record_<typeof FEEDBACK_COLUMNS>;

export function kudosRecord(r: KudosExportRow): KudosRecord {
  return {
    kudos_id: r.kudosId,
    gift_id: r.giftId,
    given_at: r.givenAt.toISOString(),
    giver: r.giverName,
    giver_id: r.giverUserId,
    recipient: r.recipientName,
    recipient_id: r.recipientUserId,
    team: r.team,
    points: r.points,
    values: r.values.join(" "),
    reason: r.reason,
    source: r.source,
    revoked: r.revoked,
  };
}

export function kpiRecord(r: KpiExportRow): KpiRecordOut {
  return {
    date: r.date,
    member: r.memberName,
    member_id: r.memberUserId,
    team: r.team,
    metric: r.metric,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    source: r.source,
  };
}

/**
 * A subject's feedback as it may be shown: named answers, plus anonymous ones only when at least `threshold`
 * people answered anonymously (the same rule as scorecards). Nothing when no answer may be shown.
 */
export function feedbackRecords(s: FeedbackSubjectStats, threshold: number): FeedbackRecord[] {
  const aggregate = aggregateFeedback(s.stats, effectiveThreshold(threshold), s.periodKey);
  if (aggregate.answers === 0) return [];
  return aggregate.dimensions.map((d) => ({
    period: s.periodKey,
    member: s.memberName,
    member_id: s.memberUserId,
    team: s.team,
    dimension: d.key,
    mean: d.mean,
    ratings: d.count,
    answers: aggregate.answers,
    anonymous_included: aggregate.anonymousShown,
  }));
}

/** CSV text of records: the header, then one line per record. */
export async function* csvChunks<R extends Record<string, Cell>>(columns: readonly string[], records: AsyncIterable<R>): AsyncGenerator<string> {
  yield csvLine([...columns]);
  for await (const r of records) yield csvLine(columns.map((c) => r[c] ?? null));
}

/** A JSON document `{...head, [key]: [records…], …}`, written one record at a time. */
export async function* jsonChunks(head: Record<string, unknown>, arrays: [string, AsyncIterable<unknown>][]): AsyncGenerator<string> {
  const opening = JSON.stringify(head);
  yield opening.slice(0, -1);
  let first = opening === "{}";
  for (const [key, records] of arrays) {
    yield `${first ? "" : ","}\n${JSON.stringify(key)}:[`;
    first = false;
    let n = 0;
    for await (const r of records) yield `${n++ === 0 ? "\n" : ",\n"}${JSON.stringify(r)}`;
    yield "]";
  }
  yield "\n}\n";
}
