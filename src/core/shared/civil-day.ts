// Local calendar days as whole numbers (days since 1970-01-01 on the calendar, whatever the time zone), and
// the review period (ISO week, month, quarter) containing one. Counting days between two of them is a
// subtraction: no time-zone arithmetic, which made span maths slow when done with zoned date-times. Only an
// instant's local date needs its time zone.
import { DateTime } from "luxon";
import type { PeriodKind } from "./review-period.ts";

const MS_PER_DAY = 86_400_000;

/** The day number of a calendar date (`month` 1–12; out-of-range months and days roll over, as in Date.UTC). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The day number of `instant`'s local date in `timeZone`. */
export function localDayNumber(instant: Date, timeZone: string): number {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return dayNumber(local.year, local.month, local.day);
}

/** A review period as local days: [start, end), and its key ("2026-W47", "2026-11", "2026-Q4"). */
export interface CivilPeriod {
  key: string;
  start: number;
  end: number;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The period of `kind` containing local day `day` (the same key and days as periodContaining's). */
export function civilPeriodContaining(kind: PeriodKind, day: number): CivilPeriod {
  const date = new Date(day * MS_PER_DAY);
  if (kind === "week") {
    // ISO weeks start on Monday; a week belongs to the year of its Thursday.
    const monday = day - ((date.getUTCDay() + 6) % 7);
    const thursday = new Date((monday + 3) * MS_PER_DAY);
    const weekYear = thursday.getUTCFullYear();
    const week = Math.floor((monday + 3 - dayNumber(weekYear, 1, 1)) / 7) + 1;
    return { key: `${weekYear}-W${pad2(week)}`, start: monday, end: monday + 7 };
  }
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  if (kind === "month") return { key: `${String(year).padStart(4, "0")}-${pad2(month)}`, start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 1) };
  const first = month - ((month - 1) % 3);
  return { key: `${year}-Q${Math.ceil(month / 3)}`, start: dayNumber(year, first, 1), end: dayNumber(year, first + 3, 1) };
}
