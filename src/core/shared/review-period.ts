// Review periods for scorecards — ISO weeks, calendar months and quarters — in a team's time zone.
// Keys: "2026-W47", "2026-11", "2026-Q4". Every period is a Period (UTC start inclusive, end exclusive).
import { DateTime } from "luxon";
import { code, msg } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import { FIRST_YEAR, isKeptYear, LAST_YEAR, localDate, type Period, weekByKey, weekContaining } from "./period.ts";

export const PERIOD_KINDS = ["week", "month", "quarter"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function isPeriodKind(word: string): word is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(word);
}

function zoned(instant: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone: timeZone });
}

function build(kind: PeriodKind, startLocal: DateTime, timeZone: string): Period {
  if (kind === "week") return weekContaining(startLocal.toUTC().toJSDate(), timeZone);
  const end = kind === "month" ? startLocal.plus({ months: 1 }) : startLocal.plus({ months: 3 });
  const key = kind === "month" ? startLocal.toFormat("yyyy-MM") : `${startLocal.year}-Q${Math.ceil(startLocal.month / 3)}`;
  return { key, start: startLocal.toUTC().toJSDate(), end: end.toUTC().toJSDate(), timeZone };
}

export function periodKind(period: Period): PeriodKind {
  if (/-W\d{2}$/.test(period.key)) return "week";
  if (/-Q[1-4]$/.test(period.key)) return "quarter";
  return "month";
}

export function periodContaining(kind: PeriodKind, instant: Date, timeZone: string): Period {
  const local = zoned(instant, timeZone);
  if (kind === "week") return weekContaining(instant, timeZone);
  if (kind === "month") return build("month", local.startOf("month"), timeZone);
  return build("quarter", local.startOf("quarter"), timeZone);
}

/**
 * The period named by a key, or null when the key is not one. A well-formed key outside the years Spur keeps
 * (9999-Q4, 0000-01) is refused with its own code: PostgreSQL cannot store its bounds, and it is surely a typo.
 */
export function periodByKey(key: string, timeZone: string): Period | null {
  const year = /^(\d{4})-(?:W\d{2}|\d{2}|Q[1-4])$/.exec(key)?.[1];
  if (year !== undefined && !isKeptYear(Number(year))) {
    throw new SpurError(ErrorCode.PeriodOutOfRange, msg("period.outOfRange", { key: code(key), first: String(FIRST_YEAR), last: String(LAST_YEAR) }));
  }
  if (/^\d{4}-W\d{2}$/.test(key)) {
    try {
      return weekByKey(key, timeZone);
    } catch {
      return null;
    }
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) return build("month", DateTime.fromObject({ year: Number(month[1]), month: Number(month[2]), day: 1 }, { zone: timeZone }), timeZone);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    const start = DateTime.fromObject({ year: Number(quarter[1]), month: (Number(quarter[2]) - 1) * 3 + 1, day: 1 }, { zone: timeZone });
    return build("quarter", start, timeZone);
  }
  return null;
}

/** The period `steps` periods before (negative) or after (positive) this one, of the same kind. */
export function shiftPeriod(period: Period, steps: number): Period {
  const kind = periodKind(period);
  const start = zoned(period.start, period.timeZone);
  const moved = kind === "week" ? start.plus({ weeks: steps }) : start.plus({ months: steps * (kind === "month" ? 1 : 3) });
  return build(kind, moved, period.timeZone);
}

/** Local calendar dates [from, to) covering the period, for date-keyed KPI records. */
export function periodDates(period: Period): { from: string; toExclusive: string } {
  return { from: localDate(period.start, period.timeZone), toExclusive: localDate(period.end, period.timeZone) };
}
