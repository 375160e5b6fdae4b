// What a scorecard says about each KPI, as catalogue messages: its value against the target, its change since
// the previous period, the team median, how its value and attainment were computed, and the composite's formula.
import { msg, type Msg } from "../../i18n/message.ts";
import type { Composite } from "./kpi-math.ts";
import { isMetricCode } from "./kpi-catalogue.ts";
import { metricLabel, metricValue, metricVolume, proRataNote, shareText } from "./kpi-messages.ts";
import type { KpiLine } from "./scorecard.ts";

/** " · ▲ from 75% (worse)" since the previous period; null without a value in both. */
function kpiTrend(line: KpiLine): Msg | null {
  const value = line.aggregate.value;
  if (value === null || line.previous === null) return null;
  const before = metricValue(line.def, line.previous);
  if (Math.abs(value - line.previous) < 1e-9) return msg("scorecard.kpi.trend", { change: "same", before, worse: "no" });
  const better = line.def.direction === "higher" ? value > line.previous : value < line.previous;
  return msg("scorecard.kpi.trend", { change: value > line.previous ? "up" : "down", before, worse: better ? "no" : "yes" });
}

function teamMedian(line: KpiLine): Msg | null {
  return line.teamMedian === null ? null : msg("scorecard.kpi.median", { median: metricValue(line.def, line.teamMedian) });
}

/** "• CSAT: 90% · target 90% · attainment 100% · ▲ from 75% · team median 85%", or "not enough data (3 of 5 …)". */
export function kpiLine(line: KpiLine): Msg {
  const label = metricLabel(line.def.code);
  const median = teamMedian(line);
  if (!line.enough || line.aggregate.value === null) {
    return msg("scorecard.kpi.notEnough", { label, volume: metricVolume(line.def, line.aggregate.volume, line.minVolume), median });
  }
  return msg("scorecard.kpi.line", {
    label,
    value: metricValue(line.def, line.aggregate.value),
    hasTarget: line.goal ? "yes" : "no",
    target: line.goal ? metricValue(line.def, line.goal.value) : null,
    proRata: proRataNote(line.def, line.goal),
    level: line.target?.fromLevel ? msg("scorecard.kpi.levelTarget", { level: line.target.fromLevel }) : null,
    attainment: line.attainment ?? 0,
    trend: kpiTrend(line),
    median,
  });
}

function computation(line: KpiLine): Msg {
  const { def, aggregate: agg } = line;
  const value = agg.value === null ? msg("scorecard.explain.noValue") : metricValue(def, agg.value);
  switch (def.aggregation) {
    case "ratio":
      return msg("scorecard.explain.ratio", { numerator: agg.inputs.numerator ?? 0, denominator: agg.inputs.denominator ?? 0, value });
    case "median":
      return msg("scorecard.explain.median", { observations: agg.inputs.observations, value });
    case "mean":
      return msg("scorecard.explain.mean", { observations: agg.inputs.observations, events: agg.inputs.denominator ?? 0, value });
    case "sum":
      return msg("scorecard.explain.sum", { observations: agg.inputs.observations, value });
  }
}

/** "• CSAT (higher is better): Σnumerator ÷ Σdenominator = 8 ÷ 10 = 80%; attainment = min(80% ÷ 90%, 100%) = 89% (weight 2)". */
export function kpiExplanation(line: KpiLine): Msg {
  const { def, aggregate: agg, target, goal: fitted } = line;
  let attainment: Msg | null = null;
  if (target && fitted && line.attainment !== null && agg.value !== null) {
    const value = metricValue(def, agg.value);
    const goal = metricValue(def, fitted.value);
    const ratio = def.direction === "higher" ? msg("scorecard.explain.ratioOf", { dividend: value, divisor: goal }) : msg("scorecard.explain.ratioOf", { dividend: goal, divisor: value });
    attainment = msg("scorecard.explain.attainment", { ratio, attainment: line.attainment, weight: target.weight });
  }
  const proRata = fitted?.proRata
    ? msg("scorecard.explain.target", { base: metricValue(def, fitted.base), per: fitted.per, share: shareText(fitted.proRata), target: metricValue(def, fitted.value) })
    : null;
  const guard = line.enough ? null : msg("scorecard.explain.guard", { volume: metricVolume(def, agg.volume, line.minVolume) });
  return msg("scorecard.explain.line", { label: metricLabel(def.code), direction: def.direction, how: computation(line), proRata, attainment, guard });
}

const labelOf = (code: string): Msg | string => (isMetricCode(code) ? metricLabel(code) : code);

/** "(2×88.9% CSAT + 1×50% First response time) ÷ 3 = 75.9%"; null when nothing could be scored. */
export function compositeFormula(composite: Composite): Msg | null {
  if (composite.score === null || composite.terms.length === 0) return null;
  const terms = composite.terms
    .map((t) => msg("scorecard.composite.term", { weight: t.weight, attainment: t.attainment, label: labelOf(t.code) }))
    .reduce((left, right) => msg("scorecard.composite.plus", { left, right }));
  return msg("scorecard.composite.formula", { terms, total: composite.totalWeight, result: composite.score / 100 });
}

/** The KPIs left out of the composite (no data or below the minimum volume); null when none. */
export function leftOutNote(excluded: string[]): Msg | null {
  return excluded.length > 0 ? msg("scorecard.explain.leftOut", { kpis: { list: excluded.map(labelOf) } }) : null;
}
