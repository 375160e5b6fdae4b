// When a team's scheduled posts fire: a cron pattern in the team's own time zone, so 09:00 stays
// 09:00 local across daylight-saving changes.
import { DateTime } from "luxon";
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
