// CSV import of KPI records: checks the header first (a wrong header imports nothing), then streams rows
// in batches through the same validation as the JSON API; bad rows are reported with their line numbers.
import { ingestKpiRecords, type IngestDeps, type IngestResult } from "../core/kpi/kpi-ingest.ts";
import { CsvSyntaxError, parseCsv } from "./csv-parser.ts";

export const CSV_COLUMNS = ["member_email", "member_id", "metric", "date", "value", "numerator", "denominator", "source", "ref"] as const;
const NUMERIC = new Set(["value", "numerator", "denominator"]);
const MAX_REPORTED = 1000;

export class CsvHeaderError extends Error {}

export interface CsvImportResult extends IngestResult {
  rows: number;
  /** True when more rejections happened than are listed. */
  truncated: boolean;
}

export function checkHeader(fields: string[]): string[] {
  const header = fields.map((f) => f.trim().toLowerCase().replace(/^\uFEFF/, ""));
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(`unknown column(s) ${unknown.join(", ")}`);
  if (new Set(header).size !== header.length) problems.push("a column appears twice");
  if (header.includes("member_email") === header.includes("member_id")) problems.push("give exactly one of member_email or member_id");
  for (const needed of ["metric", "date"]) if (!header.includes(needed)) problems.push(`missing column ${needed}`);
  if (!header.includes("value") && !(header.includes("numerator") && header.includes("denominator"))) {
    problems.push("missing column value (or numerator and denominator)");
  }
  if (problems.length > 0) {
    throw new CsvHeaderError(
      `Wrong header (${problems.join("; ")}). Expected: member_email|member_id, metric, date, value[, numerator, denominator][, source, ref].`,
    );
  }
  return header;
}

function toRecord(header: string[], fields: string[]): Record<string, unknown> | string {
  if (fields.length !== header.length) return `expected ${header.length} fields, found ${fields.length}`;
  const record: Record<string, unknown> = {};
  for (const [i, name] of header.entries()) {
    const raw = (fields[i] ?? "").trim();
    if (raw === "") continue;
    if (!NUMERIC.has(name)) record[name] = raw;
    else if (Number.isFinite(Number(raw))) record[name] = Number(raw);
    else return `${name} "${raw.slice(0, 40)}" is not a number`;
  }
  return record;
}

export async function importKpiCsv(
  deps: IngestDeps,
  input: { workspaceId: string; chunks: AsyncIterable<string | Buffer>; batchSize?: number; defaultSource?: string },
): Promise<CsvImportResult> {
  const batchSize = input.batchSize ?? 5000;
  const total: CsvImportResult = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], rows: 0, truncated: false };
  let header: string[] | null = null;
  let batch: unknown[] = [];
  let lines: number[] = [];

  // One batch is written while the next is parsed; batches are still written strictly in order.
  let inflight: Promise<void> = Promise.resolve();
  const write = async (records: unknown[], indexes: number[]) => {
    const result = await ingestKpiRecords(deps, {
      workspaceId: input.workspaceId,
      records,
      indexes,
      defaultSource: input.defaultSource ?? "csv",
    });
    total.inserted += result.inserted;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    addRejections(total, result.rejections);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const [records, indexes] = [batch, lines];
    batch = [];
    lines = [];
    await inflight;
    inflight = write(records, indexes);
    inflight.catch(() => undefined); // surfaced by the next await
  };

  try {
    for await (const row of parseCsv(input.chunks)) {
      if (!header) {
        header = checkHeader(row.fields);
        continue;
      }
      total.rows++;
      const record = toRecord(header, row.fields);
      if (typeof record === "string") {
        addRejections(total, [{ index: row.line, reason: record }]);
        continue;
      }
      batch.push(record);
      lines.push(row.line);
      if (batch.length >= batchSize) await flush();
    }
  } catch (err) {
    // An unclosed quote runs to the end of the file: everything from its line on is one bad row.
    if (!(err instanceof CsvSyntaxError) || !header) throw err;
    addRejections(total, [{ index: err.line, reason: "a quoted field is never closed" }]);
  }
  if (!header) throw new CsvHeaderError("The file is empty: it needs a header row.");
  await flush();
  await inflight;
  total.rejections.sort((a, b) => a.index - b.index);
  return total;
}

function addRejections(total: CsvImportResult, rejections: { index: number; reason: string }[]): void {
  total.rejected += rejections.length;
  const room = MAX_REPORTED - total.rejections.length;
  total.rejections.push(...rejections.slice(0, Math.max(0, room)));
  if (rejections.length > room) total.truncated = true;
}
