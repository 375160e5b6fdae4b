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

export interface WeeklyDigestJobDeps extends DigestRunDeps {
  /** Queues the leads' private digests of the same week once the team's digest has run. */
  leadDigests?(input: { teamId: string; periodKey: string }): Promise<void>;
}

export async function processWeeklyDigest(
  deps: WeeklyDigestJobDeps,
  job: Job<WeeklyDigestJobData>,
  token?: string,
): Promise<DigestRunOutcome> {
  // A permanent failure is recorded on the run (for admins) and returned, not thrown: retrying won't help.
  const outcome = await honouringRetryAfter(job, token, () =>
    runWeeklyDigest(deps, { teamId: job.data.teamId, ...(job.data.periodKey ? { periodKey: job.data.periodKey } : {}) }),
  );
  // Leads get their digest whatever became of the public post (their own claims keep it to once per lead).
  if (outcome.status !== "skipped") await deps.leadDigests?.({ teamId: job.data.teamId, periodKey: outcome.periodKey });
  return outcome;
}
