// The monthly awards post: one job scheduler per team (stable id), days 1–3 at the team's digest time;
// the run posts from the month's first working day on, once per team and month.
import type { Job } from "bullmq";
import { type AwardsRunDeps, runMonthlyAwards } from "../core/awards/awards-run.ts";
import type { RunOutcome } from "../core/digests/digest-run.ts";
import { monthlyAwardsSchedule } from "../core/shared/schedule.ts";
import { defineJob, type TeamJobData } from "./job-definition.ts";
import { SCHEDULED_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const MONTHLY_AWARDS_JOB = "monthly-awards";

export function monthlyAwardsSchedulerId(teamId: string): string {
  return `monthly-awards-${teamId}`;
}

export function processMonthlyAwards(deps: AwardsRunDeps, job: Job<TeamJobData>, token?: string): Promise<RunOutcome> {
  return honouringRetryAfter(job, token, () => runMonthlyAwards(deps, { teamId: job.data.teamId }));
}

export const monthlyAwardsJob = defineJob({
  name: MONTHLY_AWARDS_JOB,
  queue: SCHEDULED_QUEUE,
  process: processMonthlyAwards,
  teamScheduler: {
    schedulerId: monthlyAwardsSchedulerId,
    schedule: (team, settings) => (settings.awards ? monthlyAwardsSchedule(team) : null),
  },
});
