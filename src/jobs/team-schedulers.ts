// Every job scheduler a team has, one per job kind, in one registry: each kind's stable scheduler id and
// its cron pattern in the team's time zone (or none, when the team turned that post off). Syncing a team
// upserts or removes each of them, so a settings change moves all of a team's schedules at once; removing
// a team removes them all; at boot, schedulers whose team no longer exists are swept away.
import type { Queue } from "bullmq";
import type { PromptSchedule } from "../core/feedback/feedback-model.ts";
import type { LeaderboardPostMode } from "../core/admin/team-post-settings.ts";
import type { Team } from "../core/shared/model.ts";
import { recognitionPromptCron } from "../core/recognition/recognition-prompts.ts";
import { type CronSchedule, monthlyAwardsSchedule, weeklyDigestSchedule } from "../core/shared/schedule.ts";
import { MONTHLY_AWARDS_JOB, monthlyAwardsSchedulerId } from "./monthly-awards.ts";
import { RECOGNITION_PROMPTS_JOB, recognitionPromptsSchedulerId } from "./recognition-prompts.ts";
import { WEEKLY_DIGEST_JOB, weeklyDigestSchedulerId } from "./weekly-digest.ts";
import { WEEKLY_LEADERBOARD_JOB, weeklyLeaderboardSchedulerId } from "./weekly-leaderboard.ts";

/** The team settings beyond the team row that decide its schedules. */
export interface TeamScheduleSettings {
  prompts: PromptSchedule;
  leaderboard: LeaderboardPostMode;
  awards: boolean;
}

export interface TeamSchedulerKind {
  job: string;
  schedulerId(teamId: string): string;
  /** When the job fires for this team, or null when the team has it turned off. */
  schedule(team: Team, settings: TeamScheduleSettings): CronSchedule | null;
}

export const TEAM_SCHEDULERS: readonly TeamSchedulerKind[] = [
  { job: WEEKLY_DIGEST_JOB, schedulerId: weeklyDigestSchedulerId, schedule: (team) => weeklyDigestSchedule(team) },
  {
    job: WEEKLY_LEADERBOARD_JOB,
    schedulerId: weeklyLeaderboardSchedulerId,
    schedule: (team, settings) => (settings.leaderboard === "off" ? null : weeklyDigestSchedule(team)),
  },
  {
    job: MONTHLY_AWARDS_JOB,
    schedulerId: monthlyAwardsSchedulerId,
    schedule: (team, settings) => (settings.awards ? monthlyAwardsSchedule(team) : null),
  },
  {
    job: RECOGNITION_PROMPTS_JOB,
    schedulerId: recognitionPromptsSchedulerId,
    schedule: (team, settings) => (settings.prompts.enabled ? recognitionPromptCron(settings.prompts, team.timeZone) : null),
  },
];

/** Creates, moves or removes each of the team's schedulers to match its settings. */
export async function syncTeamSchedulers(queue: Queue, team: Team, settings: TeamScheduleSettings): Promise<void> {
  for (const kind of TEAM_SCHEDULERS) {
    const id = kind.schedulerId(team.id);
    const schedule = kind.schedule(team, settings);
    if (!schedule) {
      await queue.removeJobScheduler(id);
      continue;
    }
    await queue.upsertJobScheduler(id, { pattern: schedule.pattern, tz: schedule.timeZone }, { name: kind.job, data: { teamId: team.id } });
  }
}

export async function removeTeamSchedulers(queue: Queue, teamId: string): Promise<void> {
  for (const kind of TEAM_SCHEDULERS) await queue.removeJobScheduler(kind.schedulerId(teamId));
}

/** The team a scheduler id belongs to, if it is one of the registry's. */
export function teamOfSchedulerId(schedulerId: string): string | null {
  const uuid = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(schedulerId)?.[1];
  if (!uuid) return null;
  return TEAM_SCHEDULERS.some((kind) => kind.schedulerId(uuid) === schedulerId) ? uuid : null;
}

/** Removes the schedulers of teams that no longer exist; returns the removed scheduler ids. */
export async function sweepOrphanSchedulers(queue: Queue, existingTeamIds: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  const pageSize = 500;
  const orphans: string[] = [];
  for (let start = 0; ; start += pageSize) {
    const page = await queue.getJobSchedulers(start, start + pageSize - 1, true);
    for (const s of page) {
      const teamId = teamOfSchedulerId(s.key);
      if (teamId && !existingTeamIds.has(teamId)) orphans.push(s.key);
    }
    if (page.length < pageSize) break;
  }
  for (const id of orphans) if (await queue.removeJobScheduler(id)) removed.push(id);
  return removed;
}
