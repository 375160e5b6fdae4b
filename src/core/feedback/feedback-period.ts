// Feedback periods are calendar months in the subject's team time zone (peer_feedback is a monthly KPI).
import { DateTime } from "luxon";
import type { Period } from "../shared/period.ts";

function monthFromStart(startLocal: DateTime, timeZone: string): Period {
  return {
    key: startLocal.toFormat("yyyy-MM"),
    start: startLocal.toUTC().toJSDate(),
    end: startLocal.plus({ months: 1 }).toUTC().toJSDate(),
    timeZone,
  };
}

/** The calendar month containing `instant` in `timeZone`, keyed "2026-11". */
export function monthContaining(instant: Date, timeZone: string): Period {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return monthFromStart(local.startOf("month"), timeZone);
}

/** The month named by a key such as "2026-11", or null for anything else. */
export function monthByKey(key: string, timeZone: string): Period | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return null;
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone: timeZone });
  return start.isValid ? monthFromStart(start, timeZone) : null;
}

