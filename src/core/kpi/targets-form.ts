// Turning the targets form (one target and weight per KPI, as typed) into changes, or per-field errors.
import { METRICS, type MetricCode } from "./kpi-catalogue.ts";
import type { KpiTarget } from "./kpi-ports.ts";

export interface TargetsFormField {
  target: string | null;
  weight: string | null;
}

export type TargetsFormResult =
  | { ok: true; set: KpiTarget[]; remove: MetricCode[] }
  | { ok: false; errors: Record<string, string> };

export function readTargetsForm(fields: Map<MetricCode, TargetsFormField>, existing: KpiTarget[]): TargetsFormResult {
  const errors: Record<string, string> = {};
  const set: KpiTarget[] = [];
  const remove: MetricCode[] = [];
  const before = new Map(existing.map((t) => [t.metric, t]));
  for (const def of METRICS.values()) {
    const field = fields.get(def.code) ?? { target: null, weight: null };
    const old = before.get(def.code);
    if (field.target === null || field.target.trim() === "") {
      if (field.weight !== null && field.weight.trim() !== "") errors[`target:${def.code}`] = "Give a target, or clear the weight too.";
      else if (old) remove.push(def.code);
      continue;
    }
    const target = Number(field.target);
    const weight = field.weight === null || field.weight.trim() === "" ? 1 : Number(field.weight);
    if (!Number.isFinite(target) || target < 0) errors[`target:${def.code}`] = "The target must be a number, 0 or more.";
    else if (def.unit === "percent" && target > 100) errors[`target:${def.code}`] = "A percentage target is 0–100.";
    if (!Number.isFinite(weight) || weight < 0 || weight > 100) errors[`weight:${def.code}`] = "The weight must be 0–100.";
    set.push({ metric: def.code, target, weight, period: old?.period ?? "month", minVolume: old?.minVolume ?? null });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, set, remove };
}
