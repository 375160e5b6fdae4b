// A time range read from the daily rollups: its whole UTC days come from kudos_day, the hours before the first
// whole day and after the last from raw kudos — exact for a period in any time zone.
import type { TimeRange } from "../core/shared/ports.ts";

export interface RollupRange {
  start: Date;
  /** Raw rows in [start, fullStart) and [fullEnd, end); rollup days in [fromDay, toDay). */
  fullStart: Date;
  fullEnd: Date;
  end: Date;
  fromDay: string;
  toDay: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function rollupRange(range: TimeRange): RollupRange {
  const start = range.start.getTime();
  const end = range.end.getTime();
  const first = Math.ceil(start / DAY_MS) * DAY_MS;
  const last = Math.floor(end / DAY_MS) * DAY_MS;
  // No whole day inside: everything is read raw (both edges collapse onto the end).
  if (first >= last) return { start: range.start, fullStart: range.end, fullEnd: range.end, end: range.end, fromDay: isoDay(last), toDay: isoDay(last) };
  return { start: range.start, fullStart: new Date(first), fullEnd: new Date(last), end: range.end, fromDay: isoDay(first), toDay: isoDay(last) };
}

/** Ranges as the six array parameters a window list is unnested from (s, a, b, e, d0, d1). */
export function windowArrays(ranges: readonly TimeRange[]): [Date[], Date[], Date[], Date[], string[], string[]] {
  const split = ranges.map(rollupRange);
  return [split.map((r) => r.start), split.map((r) => r.fullStart), split.map((r) => r.fullEnd), split.map((r) => r.end), split.map((r) => r.fromDay), split.map((r) => r.toDay)];
}
