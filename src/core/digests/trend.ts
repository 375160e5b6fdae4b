// Week-by-week series for the digest's trend chart: the last N completed weeks in the team's time zone.
import type { Msg } from "../../i18n/message.ts";
import { type Period, weeksBefore } from "../shared/period.ts";

export interface TrendSeries {
  name: Msg;
  /** One value per week, oldest first; null where there is no data. */
  values: (number | null)[];
}

export interface Trend {
  title: Msg;
  /** Week keys, oldest first (e.g. "2026-W40" … "2026-W47"). */
  weeks: string[];
  series: TrendSeries[];
  /** A horizontal line to read the series against, e.g. 100 (% of target). */
  reference?: { value: number; label: Msg };
}

/** The `count` weeks ending with the week before `now`, oldest first. */
export function lastCompletedWeeks(now: Date, timeZone: string, count: number): Period[] {
  return weeksBefore(now, timeZone, count);
}

/** Numbers for a chart's value axis: a rounded maximum and evenly spaced ticks from zero. */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 1 / ticks };
  const rough = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return { max: step * Math.ceil(max / step), step };
}
