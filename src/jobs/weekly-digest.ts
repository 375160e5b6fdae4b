// The weekly team digest: one job scheduler per team (stable id, see team-schedulers.ts), cron in the team's time zone,
// and an admin's `/spur digest now` or forced send through JobDispatch.sendDigestNow.
import type { Job } from "bullmq";
import { type DigestRunDeps, runWeeklyDigest, type DigestRunOutcome } from "../core/digests/digest-run.ts";
import { weeklyDigestSchedule } from "../core/shared/schedule.ts";
import { defineJob } from "./job-definition.ts";
import { SCHEDULED_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const WEEKLY_DIGEST_JOB = "weekly-digest";

export interface WeeklyDigestJobData {
  teamId: string;
  /** Set for a manual send of a given week; scheduled runs cover the week that just ended. */
  periodKey?: string;
  /** Set when an admin forced a send: posted even if the week's digest already went out (once per forced send). */
  forcedAt?: string;
}

export function weeklyDigestSchedulerId(teamId: string): string {
  return `weekly-digest-${teamId}`;
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
    runWeeklyDigest(deps, {
      teamId: job.data.teamId,
      ...(job.data.periodKey ? { periodKey: job.data.periodKey } : {}),
      ...(job.data.forcedAt ? { forcedAt: job.data.forcedAt } : {}),
    }),
  );
  // Leads get their digest whatever became of the public post, also when the team has no channel (their own
  // claims keep it to once per lead); an admin's forced resend of the public digest does not send it again.
  if ("periodKey" in outcome && !job.data.forcedAt) await deps.leadDigests?.({ teamId: job.data.teamId, periodKey: outcome.periodKey });
  return outcome;
}

export const weeklyDigestJob = defineJob({
  name: WEEKLY_DIGEST_JOB,
  queue: SCHEDULED_QUEUE,
  process: processWeeklyDigest,
  teamScheduler: { schedulerId: weeklyDigestSchedulerId, schedule: (team) => weeklyDigestSchedule(team) },
  dispatch: ({ add }) => ({
    sendDigestNow: (teamId, options = {}) => add({ teamId, ...(options.forcedAt ? { forcedAt: options.forcedAt } : {}) }),
  }),
});
