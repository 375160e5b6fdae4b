// What both scorecard renderers say about a KPI line, as plain text: its change since the previous period,
// the team median, and how its value and attainment were computed. Each platform adds its own markup.
import { formatMetricValue } from "./kpi-catalogue.ts";
import type { KpiLine } from "./scorecard.ts";

export interface KpiChange {
  change: "up" | "down" | "same";
  /** The previous period's value, formatted. */
  before: string;
  /** The KPI moved the wrong way (down for higher-is-better KPIs, up for lower-is-better ones). */
  worse: boolean;
}

/** How the KPI moved since the previous period; null without a value in both. */
export function kpiChange(line: KpiLine): KpiChange | null {
  const value = line.aggregate.value;
  if (value === null || line.previous === null) return null;
  const before = formatMetricValue(line.def, line.previous);
  if (Math.abs(value - line.previous) < 1e-9) return { change: "same", before, worse: false };
  const better = line.def.direction === "higher" ? value > line.previous : value < line.previous;
  return { change: value > line.previous ? "up" : "down", before, worse: !better };
}

/** The team median of the KPI, formatted; null when the team has none. */
export function teamMedianOf(line: KpiLine): string | null {
  return line.teamMedian === null ? null : formatMetricValue(line.def, line.teamMedian);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "(higher is better): <formula> = <value>; attainment = … — not enough data: …", after the KPI's label. */
export function kpiExplanation(line: KpiLine): string {
  const { def, aggregate: agg } = line;
  const v = agg.value === null ? "no value" : formatMetricValue(def, agg.value);
  let how: string;
  switch (def.aggregation) {
    case "ratio":
      how = `Σnumerator ÷ Σdenominator = ${agg.inputs.numerator ?? 0} ÷ ${agg.inputs.denominator ?? 0} = ${v}`;
      break;
    case "median":
      how = `median of ${agg.inputs.observations} observations = ${v}`;
      break;
    case "mean":
      how = `weighted mean of ${agg.inputs.observations} records (${agg.inputs.denominator ?? 0} events) = ${v}`;
      break;
    case "sum":
      how = `sum of ${agg.inputs.observations} records = ${v}`;
  }
  const guard = line.enough ? "" : ` — not enough data: ${agg.volume} of ${line.minVolume} ${def.volumeNoun} needed`;
  const att =
    line.target && line.attainment !== null && agg.value !== null
      ? `; attainment = min(${def.direction === "higher" ? `${formatMetricValue(def, agg.value)} ÷ ${formatMetricValue(def, line.target.target)}` : `${formatMetricValue(def, line.target.target)} ÷ ${formatMetricValue(def, agg.value)}`}, 100%) = ${pct(line.attainment)} (weight ${line.target.weight})`
      : "";
  return `(${def.direction} is better): ${how}${att}${guard}`;
}

export const COMPOSITE_RULE = "Σ(weight × capped attainment) ÷ Σweight over KPIs with a target and enough data";

export function leftOutNote(excluded: string[]): string | null {
  return excluded.length > 0 ? `Left out (no data or below minimum volume): ${excluded.join(", ")}` : null;
}
