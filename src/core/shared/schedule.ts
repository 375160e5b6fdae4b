// When a team's scheduled posts fire: a cron pattern in the team's own time zone, so 09:00 stays
// 09:00 local across daylight-saving changes. A pattern matches local wall-clock times; a time the clocks
// skip (02:30 on the night they jump 02:00 → 03:00) fires when they jump, at 03:00, and a time they repeat
// (the autumn hour) fires at its first occurrence only — every schedule posts once that day.
import { DateTime, IANAZone } from "luxon";
import type { Team } from "./model.ts";

export interface CronSchedule {
  pattern: string;
  timeZone: string;
}

type ScheduleFields = Pick<Team, "digestDay" | "digestMinuteOfDay" | "timeZone">;

function timeOfDay(team: ScheduleFields): { hour: number; minute: number } {
  return { hour: Math.floor(team.digestMinuteOfDay / 60), minute: team.digestMinuteOfDay % 60 };
}

export function weeklyDigestSchedule(team: ScheduleFields): CronSchedule {
  const day = team.digestDay % 7; // cron: 0 = Sunday; ISO: 7 = Sunday
  const { hour, minute } = timeOfDay(team);
  return { pattern: `0 ${minute} ${hour} * * ${day}`, timeZone: team.timeZone };
}

/**
 * The monthly awards fire at the digest time on days 1–3 of each month (the first working day, Monday to
 * Friday, is always one of them); the run itself goes ahead from the first working day on. Cron cannot say
 * "first weekday of the month": day-of-month and day-of-week fields are OR-ed, not AND-ed.
 */
export function monthlyAwardsSchedule(team: ScheduleFields): CronSchedule {
  const { hour, minute } = timeOfDay(team);
  return { pattern: `0 ${minute} ${hour} 1-3 * *`, timeZone: team.timeZone };
}

/** The day of the month (1–3) of its first Monday-to-Friday day in `timeZone` (public holidays are not known). */
export function firstWorkingDayOfMonth(instant: Date, timeZone: string): number {
  const first = DateTime.fromJSDate(instant, { zone: timeZone }).startOf("month");
  return first.weekday === 6 ? 3 : first.weekday === 7 ? 2 : 1;
}

/**
 * Whether the month's awards are due at `instant`: from its first working day on. The run's claim makes the
 * later firings (and a retry delayed past midnight) find the month already posted.
 */
export function monthlyAwardsDue(instant: Date, timeZone: string): boolean {
  return DateTime.fromJSDate(instant, { zone: timeZone }).day >= firstWorkingDayOfMonth(instant, timeZone);
}

const DAY_MS = 24 * 3600 * 1000;

function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return zone;
}

/** An instant's local wall-clock time in `timeZone`, as epoch milliseconds read as if it were UTC. */
export function wallClockMillis(instant: number, timeZone: string): number {
  return instant + zoneOf(timeZone).offset(instant) * 60_000;
}

/**
 * The instant a local wall-clock time (epoch milliseconds read as UTC) names in `timeZone`: its first
 * occurrence when the clocks repeat it, and the moment they jump (the first valid time after) when they skip it.
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
  const zone = zoneOf(timeZone);
  // A day either side covers the offsets in force around any one transition.
  const offsets = [...new Set([wall - DAY_MS, wall, wall + DAY_MS].map((t) => zone.offset(t) * 60_000))];
  const occurrences = offsets.map((o) => wall - o).filter((t) => wallClockMillis(t, timeZone) === wall);
  if (occurrences.length > 0) return Math.min(...occurrences);
  // Skipped: search between the instant just before the jump (read with the later offset) and just after it.
  let before = wall - Math.max(...offsets);
  let after = wall - Math.min(...offsets);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (wallClockMillis(mid, timeZone) >= wall) after = mid;
    else before = mid;
  }
  return after;
}
