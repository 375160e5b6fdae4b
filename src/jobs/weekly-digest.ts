// The weekly team digest: one job scheduler per team (stable id), cron in the team's time zone.
import type { Job, Queue } from "bullmq";
import { type DigestRunDeps, runWeeklyDigest, type DigestRunOutcome } from "../core/digest-run.ts";
import type { Team } from "../core/model.ts";
import { weeklyDigestSchedule } from "../core/schedule.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const WEEKLY_DIGEST_JOB = "weekly-digest";

export interface WeeklyDigestJobData {
  teamId: string;
  /** Set for a manual send of a given week; scheduled runs cover the week that just ended. */
  periodKey?: string;
}

export function weeklyDigestSchedulerId(teamId: string): string {
  return `weekly-digest-${teamId}`;
}

export async function upsertWeeklyDigestScheduler(queue: Queue, team: Team): Promise<void> {
  const { pattern, timeZone } = weeklyDigestSchedule(team);
  await queue.upsertJobScheduler(
    weeklyDigestSchedulerId(team.id),
    { pattern, tz: timeZone },
    { name: WEEKLY_DIGEST_JOB, data: { teamId: team.id } satisfies WeeklyDigestJobData },
  );
}

export async function removeWeeklyDigestScheduler(queue: Queue, teamId: string): Promise<void> {
  await queue.removeJobScheduler(weeklyDigestSchedulerId(teamId));
}

export async function processWeeklyDigest(
  deps: DigestRunDeps,
  job: Job<WeeklyDigestJobData>,
  token?: string,
): Promise<DigestRunOutcome> {
  // A permanent failure is recorded on the run (for admins) and returned, not thrown: retrying won't help.
  return honouringRetryAfter(job, token, () =>
    runWeeklyDigest(deps, { teamId: job.data.teamId, ...(job.data.periodKey ? { periodKey: job.data.periodKey } : {}) }),
  );
}
