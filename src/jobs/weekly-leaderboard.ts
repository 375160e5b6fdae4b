// The weekly leaderboard post: one job scheduler per team (stable id), at the team's digest time.
import type { Job } from "bullmq";
import type { RunOutcome } from "../core/digests/digest-run.ts";
import { type LeaderboardRunDeps, runWeeklyLeaderboard } from "../core/awards/leaderboard-run.ts";
import { weeklyDigestSchedule } from "../core/shared/schedule.ts";
import { defineJob, type TeamJobData } from "./job-definition.ts";
import { SCHEDULED_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const WEEKLY_LEADERBOARD_JOB = "weekly-leaderboard";

export function weeklyLeaderboardSchedulerId(teamId: string): string {
  return `weekly-leaderboard-${teamId}`;
}

export function processWeeklyLeaderboard(deps: LeaderboardRunDeps, job: Job<TeamJobData>, token?: string): Promise<RunOutcome> {
  return honouringRetryAfter(job, token, () => runWeeklyLeaderboard(deps, { teamId: job.data.teamId }));
}

export const weeklyLeaderboardJob = defineJob({
  name: WEEKLY_LEADERBOARD_JOB,
  queue: SCHEDULED_QUEUE,
  process: processWeeklyLeaderboard,
  teamScheduler: {
    schedulerId: weeklyLeaderboardSchedulerId,
    schedule: (team, settings) => (settings.leaderboard === "off" ? null : weeklyDigestSchedule(team)),
  },
});
