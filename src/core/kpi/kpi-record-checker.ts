// Checks KPI records field by field with the record schema's own field schemas, remembering the verdict on the
// text that repeats across a bulk import (members, metrics, dates, sources): a million-row file is judged by the
// same rules as one API record without running the whole object schema on every row. A record that fails a
// field is judged again by the whole schema, so its reason reads exactly as the API's. Numbers and refs, unique
// per row, take a plain test that accepts only what their schema accepts unchanged; anything else goes to the schema.
import { textFault } from "../shared/user-text.ts";
import {
  KPI_RECORD_FIELDS,
  MAX_KPI_NUMBER,
  type KpiRecordInput,
  namesOneMember,
  type Rejection,
  shapeRecord,
  type ShapedRecord,
  validateKpiRecord,
} from "./kpi-ingest.ts";

type Field = keyof typeof KPI_RECORD_FIELDS;
const REMEMBERED: ReadonlySet<string> = new Set<Field>(["member_email", "member_id", "helpdesk_agent", "metric", "date", "source"]);
/** Past this many distinct texts in one field the memory is started afresh: a file of unique ids must not grow it without end. */
const MEMORY_LIMIT = 100_000;
const REFUSED = Symbol("refused");

export class KpiRecordChecker {
  private readonly verdicts = new Map<string, Map<string, unknown>>();

  constructor(private readonly defaultSource: string) {}

  check(raw: Record<string, unknown>, index: number): ShapedRecord | Rejection {
    const parsed: Record<string, unknown> = {};
    for (const key of Object.keys(raw)) {
      const value = this.field(key, raw[key]);
      if (value === REFUSED) return validateKpiRecord(raw, index, this.defaultSource);
      if (value !== undefined) parsed[key] = value;
    }
    if (!namesOneMember(parsed)) return validateKpiRecord(raw, index, this.defaultSource);
    const record = shapeRecord(parsed as KpiRecordInput, this.defaultSource);
    return typeof record === "string" ? { index, reason: record } : { index, record };
  }

  private field(key: string, value: unknown): unknown {
    if (!Object.hasOwn(KPI_RECORD_FIELDS, key)) return REFUSED;
    const schema = KPI_RECORD_FIELDS[key as Field];
    if (plainlyGood(key, value)) return value;
    if (!REMEMBERED.has(key) || typeof value !== "string") {
      const result = schema.safeParse(value);
      return result.success ? result.data : REFUSED;
    }
    let memory = this.verdicts.get(key);
    if (!memory || memory.size >= MEMORY_LIMIT) {
      memory = new Map();
      this.verdicts.set(key, memory);
    }
    if (memory.has(value)) return memory.get(value);
    const result = schema.safeParse(value);
    const verdict = result.success ? result.data : REFUSED;
    memory.set(value, verdict);
    return verdict;
  }
}

/** True only for a value its field's schema accepts as it is (see KPI_RECORD_FIELDS); false means "ask the schema". */
function plainlyGood(key: string, value: unknown): boolean {
  if (typeof value === "number") {
    const least = key === "value" ? -MAX_KPI_NUMBER : key === "numerator" || key === "denominator" ? 0 : Number.NaN;
    return value >= least && value <= MAX_KPI_NUMBER;
  }
  return key === "ref" && typeof value === "string" && value.length <= 200 && textFault(value) === null;
}
