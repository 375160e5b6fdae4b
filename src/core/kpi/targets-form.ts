// Turning the targets form (one target, weight and period per KPI, as typed) into changes, or per-field
// errors. Field ids: `target:<kpi>`, `weight:<kpi>` and `period:<kpi>`.
import { msg, type Msg } from "../../i18n/message.ts";
import { METRICS, type MetricCode } from "./kpi-catalogue.ts";
import type { KpiTarget } from "./kpi-ports.ts";
import { isPeriodKind, type PeriodKind } from "../shared/review-period.ts";

export const targetField = (code: MetricCode): string => `target:${code}`;
export const weightField = (code: MetricCode): string => `weight:${code}`;
export const periodField = (code: MetricCode): string => `period:${code}`;

export type TargetsFormResult = { ok: true; set: KpiTarget[]; remove: MetricCode[] } | { ok: false; errors: Record<string, Msg> };

const blank = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim() === "";

/** `values` by field id; a field left empty is absent, null or "". */
export function readTargetsForm(values: Readonly<Record<string, string | null | undefined>>, existing: KpiTarget[]): TargetsFormResult {
  const errors: Record<string, Msg> = {};
  const set: KpiTarget[] = [];
  const remove: MetricCode[] = [];
  const before = new Map(existing.map((t) => [t.metric, t]));
  for (const def of METRICS.values()) {
    const rawTarget = values[targetField(def.code)];
    const rawWeight = values[weightField(def.code)];
    const rawPeriod = values[periodField(def.code)];
    const old = before.get(def.code);
    if (blank(rawTarget)) {
      if (!blank(rawWeight)) errors[targetField(def.code)] = msg("targetsForm.error.weightWithoutTarget");
      else if (old) remove.push(def.code);
      continue;
    }
    const target = Number(rawTarget);
    const weight = blank(rawWeight) ? 1 : Number(rawWeight);
    if (!Number.isFinite(target) || target < 0) errors[targetField(def.code)] = msg("targetsForm.error.target");
    else if (def.unit === "percent" && target > 100) errors[targetField(def.code)] = msg("targetsForm.error.percent");
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) errors[weightField(def.code)] = msg("targetsForm.error.weight");
    // A period left out keeps the saved one (a new target is monthly).
    let period: PeriodKind = old?.period ?? "month";
    if (!blank(rawPeriod)) {
      const typed = (rawPeriod as string).trim().toLowerCase();
      if (isPeriodKind(typed)) period = typed;
      else errors[periodField(def.code)] = msg("targetsForm.error.period");
    }
    set.push({ metric: def.code, target, weight, period, minVolume: old?.minVolume ?? null });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, set, remove };
}
