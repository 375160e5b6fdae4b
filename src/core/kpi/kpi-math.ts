// Pure KPI arithmetic: aggregate a period's observations, attainment against a target fitted to the span,
// the weighted composite and its terms, and the minimum-volume guard.
import type { Aggregation, Direction, MetricDefinition } from "./kpi-catalogue.ts";
import type { PeriodKind } from "../shared/review-period.ts";
import { type JudgedSpan, type SpanTarget, targetForSpan } from "./target-span.ts";

/** One raw observation: a record as stored. */
export interface KpiRecordInput {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Many observations summed (a rollup: a member's metric over a day): every sum an aggregation needs, and for
 * a median every value. Aggregating parts gives exactly what aggregating their records gives.
 */
export interface KpiParts {
  kind: "parts";
  observations: number;
  valueSum: number;
  /** Over the observations that carry both parts (a ratio ignores the others). */
  ratioNumerator: number;
  ratioDenominator: number;
  /** value × weight and weight, the weight being the denominator or 1 (a weighted mean). */
  weightedSum: number;
  weightSum: number;
  /** Every value, for metrics aggregated by median; null where the metric does not need them. */
  values: number[] | null;
}

export type KpiInput = KpiRecordInput | KpiParts;

const isParts = (input: KpiInput): input is KpiParts => "kind" in input;

/** The sums of any mix of records and parts. */
export function sumParts(inputs: readonly KpiInput[]): KpiParts {
  const out: KpiParts = { kind: "parts", observations: 0, valueSum: 0, ratioNumerator: 0, ratioDenominator: 0, weightedSum: 0, weightSum: 0, values: [] };
  const values: number[] = [];
  for (const input of inputs) {
    if (isParts(input)) {
      out.observations += input.observations;
      out.valueSum += input.valueSum;
      out.ratioNumerator += input.ratioNumerator;
      out.ratioDenominator += input.ratioDenominator;
      out.weightedSum += input.weightedSum;
      out.weightSum += input.weightSum;
      if (input.values) for (const v of input.values) values.push(v);
      continue;
    }
    out.observations += 1;
    out.valueSum += input.value;
    // Records without both parts cannot be summed correctly and are ignored by a ratio (ingestion rejects them).
    if (input.numerator !== null && input.denominator !== null) {
      out.ratioNumerator += input.numerator;
      out.ratioDenominator += input.denominator;
    }
    const weight = input.denominator ?? 1;
    out.weightedSum += input.value * weight;
    out.weightSum += weight;
    values.push(input.value);
  }
  out.values = values;
  return out;
}

export interface Aggregate {
  /** Null when there were no usable observations. */
  value: number | null;
  /** Events behind the value, for the minimum-volume guard (responses, tickets, reviews …). */
  volume: number;
  /** The sums the value came from, for "explain". */
  inputs: { numerator?: number; denominator?: number; observations: number };
}

/** Attainment above this is not rewarded, so one KPI cannot make up for another. */
export const ATTAINMENT_CAP = 1;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function aggregate(aggregation: Aggregation, inputs: readonly KpiInput[]): Aggregate {
  const parts = sumParts(inputs);
  const observations = parts.observations;
  switch (aggregation) {
    case "ratio": {
      const { ratioNumerator: numerator, ratioDenominator: denominator } = parts;
      return { value: denominator > 0 ? (numerator * 100) / denominator : null, volume: denominator, inputs: { numerator, denominator, observations } };
    }
    case "median":
      return { value: median(parts.values ?? []), volume: observations, inputs: { observations } };
    case "mean": {
      const { weightedSum: numerator, weightSum: denominator } = parts;
      return { value: denominator > 0 ? numerator / denominator : null, volume: denominator, inputs: { numerator, denominator, observations } };
    }
    case "sum":
      return { value: observations > 0 ? parts.valueSum : null, volume: observations, inputs: { observations } };
  }
}

/** The sum of the inputs' values (tickets handled, kudos received). */
export function totalValue(inputs: readonly KpiInput[]): number {
  return sumParts(inputs).valueSum;
}

export function hasEnoughData(agg: Aggregate, minVolume: number): boolean {
  return agg.value !== null && agg.volume >= minVolume;
}

/**
 * Share of the target reached, capped: value ÷ target when higher is better, target ÷ value when lower is
 * better (a time at or under target is 100%). A lower-is-better value of 0 meets any target.
 */
export function attainment(direction: Direction, value: number, target: number, cap = ATTAINMENT_CAP): number {
  if (target <= 0) return direction === "higher" ? cap : value <= 0 ? cap : 0;
  const raw = direction === "higher" ? value / target : value <= 0 ? cap : target / value;
  return Math.max(0, Math.min(cap, raw));
}

export interface CompositePart {
  code: string;
  label: string;
  weight: number;
  /** Null when the KPI has no target or not enough data: it is left out of the composite. */
  attainment: number | null;
}

export interface Composite {
  /** 0–100, or null when no KPI could be scored. */
  score: number | null;
  used: string[];
  excluded: string[];
  /** The scored KPIs' weights and capped attainments (0–1): each surface writes the formula in its reader's language. */
  terms: { code: string; weight: number; attainment: number }[];
  totalWeight: number;
}

/** Weighted mean of capped attainments over the KPIs that can be scored. */
export function composite(parts: CompositePart[]): Composite {
  const used = parts.filter((p) => p.attainment !== null && p.weight > 0);
  const excluded = parts.filter((p) => !used.includes(p)).map((p) => p.code);
  const totalWeight = used.reduce((s, p) => s + p.weight, 0);
  if (used.length === 0 || totalWeight <= 0) {
    return { score: null, used: [], excluded, terms: [], totalWeight: 0 };
  }
  const sum = used.reduce((s, p) => s + p.weight * (p.attainment as number), 0);
  const score = (sum / totalWeight) * 100;
  const scored = used.map((p) => ({ code: p.code, weight: p.weight, attainment: p.attainment as number }));
  return { score, used: used.map((p) => p.code), excluded, terms: scored, totalWeight };
}

/** A target as set for its period, with the minimum volume that overrides the catalogue's. */
export interface SetTarget {
  target: number;
  period: PeriodKind;
  minVolume: number | null;
}

/**
 * A value judged over a span: its target fitted to the span (see target-span.ts) and the capped attainment
 * against it (null for a value not scored). Every attainment Spur shows or ranks by comes from here.
 */
export function judge(def: MetricDefinition, value: number | null, target: SetTarget, span: JudgedSpan): { goal: SpanTarget | null; attainment: number | null } {
  const goal = targetForSpan(def, target, span);
  return { goal, attainment: goal && value !== null ? attainment(def.direction, value, goal.value) : null };
}

/** Aggregates a member's records for one metric over a span, against the team's target for it (if any). */
export function scoreMetric(def: MetricDefinition, records: readonly KpiInput[], target: SetTarget | null, span: JudgedSpan) {
  const agg = aggregate(def.aggregation, records);
  const minVolume = target?.minVolume ?? def.minVolume;
  const enough = hasEnoughData(agg, minVolume);
  if (!target) return { aggregate: agg, enough, minVolume, attainment: null, goal: null };
  const judged = judge(def, enough ? agg.value : null, target, span);
  return { aggregate: agg, enough, minVolume, attainment: judged.attainment, goal: judged.goal };
}

/** 1-based rank by score, highest first; ties share a rank. Members without a score are not ranked. */
export function rankOf(memberId: string, scores: Map<string, number | null>): { rank: number; of: number } | null {
  const own = scores.get(memberId);
  if (own === null || own === undefined) return null;
  const ranked = [...scores.values()].filter((s): s is number => s !== null);
  return { rank: ranked.filter((s) => s > own).length + 1, of: ranked.length };
}
