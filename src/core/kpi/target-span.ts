// The target a KPI is judged against over the span of a viewed period. A target is set for a period (week,
// month or quarter); a volume (a summed KPI such as tickets handled) is pro-rated by local calendar days in
// the team's time zone: each day counts target ÷ (days of the target period containing it), so a monthly
// 400 is 400 × 7/30 over a week of a 30-day month and exactly 400 over the whole month. Rates, averages,
// scores and times keep their target whatever the span. The current period is judged "so far": up to and
// including today, never against the whole period after a few days.
import { isVolumeMetric, type MetricDefinition } from "./kpi-catalogue.ts";
import { civilPeriodContaining, localDayNumber } from "../shared/civil-day.ts";
import type { Period } from "../shared/period.ts";
import { PERIOD_KINDS, type PeriodKind } from "../shared/review-period.ts";

/** complete: the period is over; so_far: it is running (judged up to today); upcoming: it has not begun. */
export type SpanStatus = "complete" | "so_far" | "upcoming";

/** The judged days that fall in one target period: `days` of its `of` days. */
export interface SpanShare {
  key: string;
  days: number;
  of: number;
}

export interface JudgedSpan {
  period: Period;
  status: SpanStatus;
  /** Local days judged: all of a finished period, up to and including today in the current one, none before it begins. */
  days: number;
  /** Local days in the period. */
  totalDays: number;
  /** The judged days split by the target period they fall in, for each kind of target period. */
  shares: Record<PeriodKind, SpanShare[]>;
}

/**
 * One look-up per target period the span touches (not per day): each share runs to its period's end or the
 * span's. Local days are counted as day numbers (see civil-day.ts): only the span's bounds needed a time zone.
 */
function sharesOf(kind: PeriodKind, first: number, days: number): SpanShare[] {
  const shares: SpanShare[] = [];
  for (let i = 0; i < days; ) {
    const day = first + i;
    const containing = civilPeriodContaining(kind, day);
    const inSpan = Math.max(1, Math.min(containing.end - day, days - i));
    shares.push({ key: containing.key, days: inSpan, of: containing.end - containing.start });
    i += inSpan;
  }
  return shares;
}

/** How much of `period` is judged at `now`: its days so far (today included) while it runs, all once it is over. */
export function judgedSpan(period: Period, now: Date): JudgedSpan {
  const zone = period.timeZone;
  const first = localDayNumber(period.start, zone);
  const totalDays = localDayNumber(period.end, zone) - first;
  const elapsed = localDayNumber(now, zone) - first + 1;
  const status: SpanStatus = elapsed > totalDays ? "complete" : elapsed <= 0 ? "upcoming" : "so_far";
  const days = status === "complete" ? totalDays : status === "upcoming" ? 0 : elapsed;
  const shares = Object.fromEntries(PERIOD_KINDS.map((kind) => [kind, sharesOf(kind, first, days)])) as Record<PeriodKind, SpanShare[]>;
  return { period, status, days, totalDays, shares };
}

export interface SpanTarget {
  /** What the span is judged against. */
  value: number;
  /** The target as set, for its own period. */
  base: number;
  per: PeriodKind;
  /** The shares the base was pro-rated by; null when the target applies as set (not a volume, or exactly its own period). */
  proRata: SpanShare[] | null;
}

/** The one place a target is fitted to a span; null when no day of the span is judged yet. */
export function targetForSpan(def: MetricDefinition, target: { target: number; period: PeriodKind }, span: JudgedSpan): SpanTarget | null {
  if (span.days === 0) return null;
  const asSet = { value: target.target, base: target.target, per: target.period, proRata: null };
  if (!isVolumeMetric(def)) return asSet;
  const shares = span.shares[target.period];
  const only = shares.length === 1 ? shares[0] : undefined;
  if (only && only.days === only.of) return asSet;
  const value = shares.reduce((sum, s) => sum + (target.target * s.days) / s.of, 0);
  return { ...asSet, value, proRata: shares };
}
