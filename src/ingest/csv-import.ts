// CSV import of KPI records, all or nothing by default: the header is checked first, then the rows are streamed
// through the same validation as the JSON API into a staging table; members are resolved and the records
// written in the database, in one transaction, only when every row is good (or, with `partial`, the good
// ones). Bad rows are reported with their line numbers; a file over a limit (size, line length, rows) is
// refused as soon as the limit is reached, without being read whole.
import { describeMemberRef, type IngestResult, MEMBER_FIELDS, ONE_MEMBER_FIELD, type Rejection, type ShapedRecord } from "../core/kpi/kpi-ingest.ts";
import type { KpiBulkImport, KpiImportSession, StagedKpiRecord, UnknownMember } from "../core/kpi/kpi-ports.ts";
import { KpiRecordChecker } from "../core/kpi/kpi-record-checker.ts";
import { describeTextFault, textFault } from "../core/shared/user-text.ts";
import { CsvLimitError, CsvSyntaxError, parseCsvBatches } from "./csv-parser.ts";

export interface CsvLimits {
  /** Bytes of the whole file. */
  maxBytes: number;
  /** Characters of one line (one record, with its quoted line breaks). */
  maxLineLength: number;
  /** Data rows, without the header. */
  maxRows: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxBytes: 10 * 1024 * 1024, maxLineLength: 64 * 1024, maxRows: 200_000 };

export const CSV_COLUMNS = ["member_email", "member_id", "helpdesk_agent", "metric", "date", "value", "numerator", "denominator", "source", "ref"] as const;
const NUMERIC = new Set(["value", "numerator", "denominator"]);
const MAX_REPORTED = 1000;

export class CsvHeaderError extends Error {}

export interface CsvImportResult extends IngestResult {
  rows: number;
  /** True when more rejections happened than are listed. */
  truncated: boolean;
  /** False when a row was refused: then nothing of the file was written. */
  imported: boolean;
}

export function checkHeader(fields: string[]): string[] {
  const header = fields.map((f) => f.trim().toLowerCase().replace(/^\uFEFF/, ""));
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(`unknown column(s) ${unknown.join(", ")}`);
  if (new Set(header).size !== header.length) problems.push("a column appears twice");
  if (MEMBER_FIELDS.filter((f) => header.includes(f)).length !== 1) problems.push(ONE_MEMBER_FIELD);
  for (const needed of ["metric", "date"]) if (!header.includes(needed)) problems.push(`missing column ${needed}`);
  if (!header.includes("value") && !(header.includes("numerator") && header.includes("denominator"))) {
    problems.push("missing column value (or numerator and denominator)");
  }
  if (problems.length > 0) {
    throw new CsvHeaderError(
      `Wrong header (${problems.join("; ")}). Expected: member_email|member_id|helpdesk_agent, metric, date, value[, numerator, denominator][, source, ref].`,
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
    const fault = textFault(raw);
    if (fault) return `${name} ${describeTextFault(fault)}`;
    // The decoder's replacement character: bytes that are not UTF-8.
    if (raw.includes("\uFFFD")) return `${name} is not valid UTF-8 text`;
    if (!NUMERIC.has(name)) record[name] = raw;
    else if (Number.isFinite(Number(raw))) record[name] = Number(raw);
    else return `${name} "${raw.slice(0, 40)}" is not a number`;
  }
  return record;
}

/** The body's chunks, refusing more than `maxBytes` as soon as they arrive. */
async function* limitedBytes(chunks: AsyncIterable<string | Buffer>, maxBytes: number): AsyncGenerator<string | Buffer> {
  let size = 0;
  for await (const chunk of chunks) {
    size += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    if (size > maxBytes) throw new CsvLimitError("body", `The file is larger than ${maxBytes} bytes (the limit of an import). Nothing was imported.`);
    yield chunk;
  }
}

/** Rows sent to the staging table at a time: big enough for few writes, small enough to keep memory flat. */
const STAGE_BATCH = 2000;

export interface CsvImportDeps {
  bulk: KpiBulkImport;
}

/**
 * Streams the file into a staging table as it is read — every row checked on the way by the API's rules — then
 * resolves members and writes in the database, in one transaction. All or nothing unless `partial`: then the
 * good rows are written and the bad ones reported.
 */
export async function importKpiCsv(
  deps: CsvImportDeps,
  input: { workspaceId: string; chunks: AsyncIterable<string | Buffer>; defaultSource?: string; limits?: Partial<CsvLimits>; partial?: boolean },
): Promise<CsvImportResult> {
  const limits = { ...DEFAULT_CSV_LIMITS, ...input.limits };
  const partial = input.partial ?? false;
  const checker = new KpiRecordChecker(input.defaultSource ?? "csv");
  const total: CsvImportResult = { inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], rows: 0, truncated: false, imported: false };
  let header: string[] | null = null;
  let session: KpiImportSession | null = null;
  let batch: StagedKpiRecord[] = [];

  try {
    try {
      for await (const rows of parseCsvBatches(limitedBytes(input.chunks, limits.maxBytes), { maxRecordLength: limits.maxLineLength })) {
        for (const row of rows) {
          if (!header) {
            header = checkHeader(row.fields);
            session = await deps.bulk.begin(input.workspaceId);
            continue;
          }
          if (++total.rows > limits.maxRows) {
            throw new CsvLimitError("rows", `The file has more than ${limits.maxRows} rows (the limit of an import). Nothing was imported.`);
          }
          const record = toRecord(header, row.fields);
          const checked = typeof record === "string" ? { index: row.line, reason: record } : checker.check(record, row.line);
          if (!("record" in checked)) {
            addRejections(total, [checked]);
            // Once a row is bad nothing is written (unless partial), so the good ones need not be staged.
            if (!partial) batch = [];
          } else if (partial || total.rejected === 0) {
            batch.push(staged(checked.record, checked.index));
          }
        }
        if (batch.length >= STAGE_BATCH) {
          await session?.stage(batch);
          batch = [];
        }
      }
    } catch (err) {
      // An unclosed quote runs to the end of the file: everything from its line on is one bad row.
      if (!(err instanceof CsvSyntaxError)) throw err;
      if (!header) throw new CsvHeaderError(`The header row has a quoted field that is never closed (line ${err.line}).`);
      addRejections(total, [{ index: err.line, reason: "a quoted field is never closed" }]);
    }
    if (!header || !session) throw new CsvHeaderError("The file is empty: it needs a header row.");
    if (partial || total.rejected === 0) {
      await session.stage(batch);
      // Members are resolved in the database, with one join for the whole file.
      const unknown = await session.unknownMembers(MAX_REPORTED);
      addUnknownMembers(total, unknown);
      if (partial || unknown.count === 0) {
        Object.assign(total, await session.commit());
        total.imported = true;
      }
    }
    total.rejections.sort((a, b) => a.index - b.index);
    total.rejections.length = Math.min(total.rejections.length, MAX_REPORTED);
    return total;
  } finally {
    // Does nothing after a commit; otherwise nothing staged is kept.
    await session?.abort();
  }
}

function staged(r: ShapedRecord["record"], line: number): StagedKpiRecord {
  return { line, member: r.member, metric: r.metric, date: r.date, value: r.value, numerator: r.numerator, denominator: r.denominator, source: r.source, ref: r.ref };
}

function addUnknownMembers(total: CsvImportResult, unknown: { count: number; first: UnknownMember[] }): void {
  total.rejected += unknown.count;
  total.rejections.push(...unknown.first.map((u) => ({ index: u.line, reason: describeMemberRef(u.member) })));
  if (total.rejections.length < total.rejected) total.truncated = true;
}

function addRejections(total: CsvImportResult, rejections: Rejection[]): void {
  total.rejected += rejections.length;
  const room = MAX_REPORTED - total.rejections.length;
  total.rejections.push(...rejections.slice(0, Math.max(0, room)));
  if (rejections.length > room) total.truncated = true;
}
