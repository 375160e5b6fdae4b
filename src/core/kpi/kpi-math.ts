// Pure KPI arithmetic: aggregate a period's observations, attainment against a target fitted to the span,
// the weighted composite and its terms, and the minimum-volume guard.
import type { Aggregation, Direction, MetricDefinition } from "./kpi-catalogue.ts";
import type { PeriodKind } from "../shared/review-period.ts";
import { type JudgedSpan, type SpanTarget, targetForSpan } from "./target-span.ts";

export interface KpiInput {
  value: number;
  numerator: number | null;
  denominator: number | null;
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

export function aggregate(aggregation: Aggregation, records: KpiInput[]): Aggregate {
  const observations = records.length;
  switch (aggregation) {
    case "ratio": {
      // Records without both parts cannot be summed correctly and are ignored (ingestion rejects them).
      const parts = records.filter((r) => r.numerator !== null && r.denominator !== null);
      const numerator = parts.reduce((s, r) => s + (r.numerator as number), 0);
      const denominator = parts.reduce((s, r) => s + (r.denominator as number), 0);
      return { value: denominator > 0 ? (numerator * 100) / denominator : null, volume: denominator, inputs: { numerator, denominator, observations } };
    }
    case "median":
      return { value: median(records.map((r) => r.value)), volume: observations, inputs: { observations } };
    case "mean": {
      const weight = (r: KpiInput) => r.denominator ?? 1;
      const denominator = records.reduce((s, r) => s + weight(r), 0);
      const numerator = records.reduce((s, r) => s + r.value * weight(r), 0);
      return { value: denominator > 0 ? numerator / denominator : null, volume: denominator, inputs: { numerator, denominator, observations } };
    }
    case "sum": {
      const total = records.reduce((s, r) => s + r.value, 0);
      return { value: observations > 0 ? total : null, volume: observations, inputs: { observations } };
    }
  }
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
export function scoreMetric(def: MetricDefinition, records: KpiInput[], target: SetTarget | null, span: JudgedSpan) {
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
