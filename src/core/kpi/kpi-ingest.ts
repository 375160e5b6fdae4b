// Validating and storing a batch of KPI records from any source (JSON API, CSV, helpdesk webhooks).
// Each record is judged on its own; the API stores the good ones and answers each bad one with a reason, while
// a CSV file (csv-import.ts) is stored only when every row is good.
import { z } from "zod";
import { isMetricCode, metric, METRIC_CODES, type MetricCode } from "./kpi-catalogue.ts";
import type { KpiRecordWriter, MemberLookup, MemberRef, NewKpiRecord, UpsertCounts } from "./kpi-ports.ts";
import { FIRST_YEAR, isKeptYear, LAST_YEAR } from "../shared/period.ts";
import type { Member } from "../shared/model.ts";
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

/** One schema per field: the record's schema is built from them, and a bulk import checks field by field (kpi-record-checker.ts). */
export const KPI_RECORD_FIELDS = {
  member_email: z.string().trim().toLowerCase().email().optional(),
  member_id: z.string().uuid().optional(),
  /** A helpdesk's agent id, mapped to a member with `/spur helpdesk <provider> agent <id> @member`. */
  helpdesk_agent: z
    .string()
    .trim()
    .regex(/^[a-z]+:\S{1,200}$/, "must be <helpdesk>:<agent id>, e.g. zendesk:3812")
    .optional(),
  metric: z.string().refine(isMetricCode, { message: `must be one of ${METRIC_CODES.join(", ")}` }),
  date: isoDate,
  value: finite.optional(),
  numerator: finite.min(0).optional(),
  denominator: finite.min(0).optional(),
  source: z.string().trim().min(1).max(40).regex(/^[a-z0-9_.-]+$/i, "may only contain letters, digits, _ . -").optional(),
  ref: storableText().max(200).optional(),
};

/** The identity fields: a record names its member by exactly one of them. */
export const MEMBER_FIELDS = ["member_email", "member_id", "helpdesk_agent"] as const;
export const ONE_MEMBER_FIELD = "give exactly one of member_email, member_id or helpdesk_agent";

export function namesOneMember(r: { member_email?: unknown; member_id?: unknown; helpdesk_agent?: unknown }): boolean {
  return MEMBER_FIELDS.filter((f) => r[f] !== undefined).length === 1;
}

export const KpiRecordInput = z
  .object(KPI_RECORD_FIELDS)
  .strict()
  .refine(namesOneMember, { message: ONE_MEMBER_FIELD, path: ["member_email"] });
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

export type Shaped = Omit<NewKpiRecord, "memberId"> & { member: MemberRef };

export function memberRefOf(input: Pick<KpiRecordInput, "member_email" | "member_id" | "helpdesk_agent">): MemberRef {
  if (input.member_email !== undefined) return { email: input.member_email };
  if (input.member_id !== undefined) return { id: input.member_id };
  const agent = input.helpdesk_agent as string;
  const colon = agent.indexOf(":");
  return { helpdesk: agent.slice(0, colon), agentId: agent.slice(colon + 1) };
}

/** The member a record names, as a rejection says it. */
export function describeMemberRef(ref: MemberRef): string {
  if ("email" in ref) return `no member ${ref.email} in this workspace`;
  if ("id" in ref) return `no member ${ref.id} in this workspace`;
  return `no member is mapped to ${ref.helpdesk} agent ${ref.agentId} in this workspace`;
}

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
    member: memberRefOf(input),
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
  const refs = shaped.map(({ record }) => record.member);
  const emails = [...new Set(refs.flatMap((r) => ("email" in r ? [r.email] : [])))];
  const ids = [...new Set(refs.flatMap((r) => ("id" in r ? [r.id] : [])))];
  const agentsByHelpdesk = new Map<string, Set<string>>();
  for (const r of refs) if ("helpdesk" in r) agentsByHelpdesk.set(r.helpdesk, (agentsByHelpdesk.get(r.helpdesk) ?? new Set()).add(r.agentId));
  const [byEmail, byId, ...byAgent] = await Promise.all([
    emails.length > 0 ? deps.members.byEmails(workspaceId, emails) : new Map<string, Member>(),
    ids.length > 0 ? deps.members.byIds(workspaceId, ids) : new Map<string, Member>(),
    ...[...agentsByHelpdesk].map(([helpdesk, agents]) => deps.members.byHelpdeskIds(workspaceId, helpdesk, [...agents])),
  ]);
  const agents = new Map([...agentsByHelpdesk.keys()].map((helpdesk, i) => [helpdesk, byAgent[i] ?? new Map<string, Member>()]));
  const memberOf = (r: MemberRef) => ("email" in r ? byEmail.get(r.email) : "id" in r ? byId.get(r.id) : agents.get(r.helpdesk)?.get(r.agentId));

  // The same key twice in one batch: the later record wins, as if sent one after the other.
  const byKey = new Map<string, NewKpiRecord>();
  for (const { index, record } of shaped) {
    const member = memberOf(record.member);
    if (!member) {
      rejections.push({ index, reason: describeMemberRef(record.member) });
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
