// When a team's scheduled posts fire: a cron pattern in the team's own time zone, so 09:00 stays
// 09:00 local across daylight-saving changes.
import type { Team } from "./model.ts";

export interface CronSchedule {
  pattern: string;
  timeZone: string;
}

export function weeklyDigestSchedule(team: Pick<Team, "digestDay" | "digestMinuteOfDay" | "timeZone">): CronSchedule {
  const day = team.digestDay % 7; // cron: 0 = Sunday; ISO: 7 = Sunday
  const hour = Math.floor(team.digestMinuteOfDay / 60);
  const minute = team.digestMinuteOfDay % 60;
  return { pattern: `0 ${minute} ${hour} * * ${day}`, timeZone: team.timeZone };
}
