// Periods (ISO weeks, for now) computed in a team's IANA time zone and expressed as UTC instants.
import { DateTime } from "luxon";

export interface Period {
  /** Stable key, e.g. "2026-W47". */
  key: string;
  /** Inclusive start, UTC. */
  start: Date;
  /** Exclusive end, UTC. */
  end: Date;
  timeZone: string;
}

/** The years Spur keeps data and periods for: beyond them a date cannot be stored or is surely a typo. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;

export function isKeptYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

export function isValidTimeZone(timeZone: string): boolean {
  return DateTime.now().setZone(timeZone).isValid;
}

function zoned(instant: Date, timeZone: string): DateTime {
  const dt = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!dt.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return dt;
}

function weekFromStart(startLocal: DateTime, timeZone: string): Period {
  return {
    key: `${startLocal.weekYear}-W${String(startLocal.weekNumber).padStart(2, "0")}`,
    start: startLocal.toJSDate(),
    end: startLocal.plus({ weeks: 1 }).toJSDate(),
    timeZone,
  };
}

/** The ISO week (Monday 00:00 local to the next Monday 00:00 local) containing `instant`. */
export function weekContaining(instant: Date, timeZone: string): Period {
  return weekFromStart(zoned(instant, timeZone).startOf("week"), timeZone);
}

/** The week before the one containing `instant`. */
export function previousWeek(instant: Date, timeZone: string): Period {
  return weekFromStart(zoned(instant, timeZone).startOf("week").minus({ weeks: 1 }), timeZone);
}

/**
 * The `count` weeks before the one containing `instant`, oldest first: previousWeek of `instant`, then of that
 * week's start, and so on, each step from the last one's local start (not converted again from its instant).
 */
export function weeksBefore(instant: Date, timeZone: string, count: number): Period[] {
  const weeks: Period[] = [];
  let local = zoned(instant, timeZone);
  for (let i = 0; i < count; i++) {
    local = local.startOf("week").minus({ weeks: 1 });
    weeks.push(weekFromStart(local, timeZone));
  }
  return weeks.reverse();
}

/** The ISO week named by a key such as "2026-W47". */
export function weekByKey(key: string, timeZone: string): Period {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) throw new RangeError(`Not a week key: ${key}`);
  const start = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: timeZone },
  ).startOf("day");
  if (!start.isValid || start.weekYear !== Number(match[1])) throw new RangeError(`Not a week key: ${key}`);
  return weekFromStart(start, timeZone);
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return zoned(instant, timeZone).toISODate() ?? "";
}
