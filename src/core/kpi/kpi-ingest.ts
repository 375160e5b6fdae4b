// Validating and storing a batch of KPI records from any source (JSON API, CSV, helpdesk webhooks).
// Each record is judged on its own; the API stores the good ones and answers each bad one with a reason, while
// a CSV file (csv-import.ts) is stored only when every row is good.
import { z } from "zod";
import { isMetricCode, metric, METRIC_CODES, type MetricCode } from "./kpi-catalogue.ts";
import type { KpiRecordWriter, MemberLookup, NewKpiRecord, UpsertCounts } from "./kpi-ports.ts";
import { FIRST_YEAR, isKeptYear, LAST_YEAR } from "../shared/period.ts";
import { storableText } from "../shared/user-text.ts";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((d) => {
    const parsed = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(d);
  }, "is not a calendar date")
  .refine((d) => isKeptYear(Number(d.slice(0, 4))), `must be in the years ${FIRST_YEAR}–${LAST_YEAR}`);
/** Far beyond any real KPI, and small enough that a ratio's percentage (× 100) stays a finite number. */
export const MAX_KPI_NUMBER = 1e12;
const finite = z
  .number()
  .finite()
  .min(-MAX_KPI_NUMBER, `is out of range (at least -${MAX_KPI_NUMBER.toExponential()})`)
  .max(MAX_KPI_NUMBER, `is out of range (at most ${MAX_KPI_NUMBER.toExponential()})`);

export const KpiRecordInput = z
  .object({
    member_email: z.string().trim().toLowerCase().email().optional(),
    member_id: z.string().uuid().optional(),
    metric: z.string().refine(isMetricCode, { message: `must be one of ${METRIC_CODES.join(", ")}` }),
    date: isoDate,
    value: finite.optional(),
    numerator: finite.min(0).optional(),
    denominator: finite.min(0).optional(),
    source: z.string().trim().min(1).max(40).regex(/^[a-z0-9_.-]+$/i, "may only contain letters, digits, _ . -").optional(),
    ref: storableText().max(200).optional(),
  })
  .strict()
  .refine((r) => (r.member_email === undefined) !== (r.member_id === undefined), {
    message: "give exactly one of member_email or member_id",
    path: ["member_email"],
  });
export type KpiRecordInput = z.infer<typeof KpiRecordInput>;

export interface Rejection {
  /** 0-based index in the batch, or the CSV line number. */
  index: number;
  reason: string;
}

export interface IngestResult extends UpsertCounts {
  rejected: number;
  rejections: Rejection[];
}

export function zodReason(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")} ${i.message}` : i.message)).join("; ");
}

type Shaped = Omit<NewKpiRecord, "memberId"> & { member: { email: string } | { id: string } };

/** Checks the metric-specific rules: ratios need numerator ≤ denominator; others need a value. */
export function shapeRecord(input: KpiRecordInput, defaultSource: string): Shaped | string {
  const code = input.metric as MetricCode;
  const def = metric(code);
  if (def.internal) return `metric ${code} is computed by Spur and cannot be imported`;
  let value = input.value;
  let numerator: number | null = null;
  let denominator: number | null = null;
  if (def.aggregation === "ratio") {
    if (input.numerator === undefined || input.denominator === undefined) {
      return `metric ${code} is a ratio: give numerator and denominator (e.g. 4-5 ratings and responses)`;
    }
    if (input.denominator === 0 || input.numerator > input.denominator) return "numerator must be ≤ denominator and denominator > 0";
    numerator = input.numerator;
    denominator = input.denominator;
    value = (numerator * 100) / denominator;
  } else {
    if (value === undefined) return `metric ${code} needs a value`;
    if (value < 0) return "value must not be negative";
    if (def.aggregation === "mean" && input.denominator !== undefined) denominator = input.denominator;
  }
  if (code === "qa_score" && (value as number) > 100) return "qa_score is 0–100";
  if ((code === "peer_feedback" || code === "csat_score") && ((value as number) < 1 || (value as number) > 5)) return `${code} is 1–5`;
  return {
    member: input.member_email !== undefined ? { email: input.member_email } : { id: input.member_id as string },
    metric: code,
    date: input.date,
    value: value as number,
    numerator,
    denominator,
    source: input.source ?? defaultSource,
    ref: input.ref ?? "",
  };
}

export interface IngestDeps {
  members: MemberLookup;
  writer: KpiRecordWriter;
}

/** What makes a record the same record: re-sent, it updates rather than adds. */
export function recordKey(r: NewKpiRecord): string {
  return `${r.memberId}|${r.metric}|${r.date}|${r.source}|${r.ref}`;
}

export interface ShapedRecord {
  index: number;
  record: Shaped;
}

/** Validates one raw record: shaped for storing, or the reason it was refused. */
export function validateKpiRecord(raw: unknown, index: number, defaultSource: string): ShapedRecord | Rejection {
  const parsed = KpiRecordInput.safeParse(raw);
  if (!parsed.success) return { index, reason: zodReason(parsed.error) };
  const record = shapeRecord(parsed.data, defaultSource);
  return typeof record === "string" ? { index, reason: record } : { index, record };
}

/** The records' members, looked up once per batch; a record naming no member of the workspace is refused. */
export async function resolveKpiMembers(
  deps: Pick<IngestDeps, "members">,
  workspaceId: string,
  shaped: ShapedRecord[],
): Promise<{ records: NewKpiRecord[]; rejections: Rejection[] }> {
  const rejections: Rejection[] = [];
  const emails = [...new Set(shaped.flatMap(({ record: r }) => ("email" in r.member ? [r.member.email] : [])))];
  const ids = [...new Set(shaped.flatMap(({ record: r }) => ("id" in r.member ? [r.member.id] : [])))];
  const [byEmail, byId] = await Promise.all([
    emails.length > 0 ? deps.members.byEmails(workspaceId, emails) : new Map(),
    ids.length > 0 ? deps.members.byIds(workspaceId, ids) : new Map(),
  ]);

  // The same key twice in one batch: the later record wins, as if sent one after the other.
  const byKey = new Map<string, NewKpiRecord>();
  for (const { index, record } of shaped) {
    const member = "email" in record.member ? byEmail.get(record.member.email) : byId.get(record.member.id);
    if (!member) {
      const who = "email" in record.member ? record.member.email : record.member.id;
      rejections.push({ index, reason: `no member ${who} in this workspace` });
      continue;
    }
    const { member: _ref, ...rest } = record;
    const stored: NewKpiRecord = { ...rest, memberId: member.id };
    byKey.set(recordKey(stored), stored);
  }
  return { records: [...byKey.values()], rejections };
}

/** Validates, resolves members and upserts a batch; each bad record is refused on its own, with its index. */
export async function ingestKpiRecords(
  deps: IngestDeps,
  input: { workspaceId: string; records: unknown[]; defaultSource: string },
): Promise<IngestResult> {
  const rejections: Rejection[] = [];
  const shaped: ShapedRecord[] = [];
  input.records.forEach((raw, index) => {
    const checked = validateKpiRecord(raw, index, input.defaultSource);
    if ("record" in checked) shaped.push(checked);
    else rejections.push(checked);
  });
  const resolved = await resolveKpiMembers(deps, input.workspaceId, shaped);
  rejections.push(...resolved.rejections);
  const counts = resolved.records.length > 0 ? await deps.writer.upsert(resolved.records) : { inserted: 0, updated: 0, unchanged: 0 };
  rejections.sort((a, b) => a.index - b.index);
  return { ...counts, rejected: rejections.length, rejections };
}
