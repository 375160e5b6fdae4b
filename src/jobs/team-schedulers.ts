// Every job scheduler a team has, one per team-scheduled job of the job list: each job's stable scheduler id
// and its cron pattern in the team's time zone (or none, when the team turned that post off). Syncing a team
// upserts or removes each of them, so a settings change moves all of a team's schedules at once; removing
// a team removes them all; at boot, schedulers whose team no longer exists are swept away.
import type { Queue } from "bullmq";
import type { Team } from "../core/shared/model.ts";
import type { TeamScheduler, TeamScheduleSettings } from "./job-definition.ts";
import { JOBS } from "./job-list.ts";

export interface TeamSchedulerKind extends TeamScheduler {
  job: string;
}

/** The jobs of the list that every team runs on a schedule, in the list's order. */
export const TEAM_SCHEDULERS: readonly TeamSchedulerKind[] = JOBS.flatMap((job) =>
  job.teamScheduler ? [{ job: job.name, schedulerId: job.teamScheduler.schedulerId, schedule: job.teamScheduler.schedule }] : [],
);

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
