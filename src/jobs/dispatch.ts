// JobDispatch over BullMQ: what the request path hands to background jobs.
import type { JobDispatch } from "../app/services.ts";
import type { Team } from "../core/shared/model.ts";
import type { RecognitionPromptRepository } from "../core/feedback/feedback-ports.ts";
import type { TeamPostSettings } from "../core/admin/team-post-settings.ts";
import type { Clock, WorkspaceRepository } from "../core/shared/ports.ts";
import { JOBS, type JobsDispatch } from "./job-list.ts";
import type { SpurQueues } from "./queues.ts";
import { removeTeamSchedulers, sweepOrphanSchedulers, syncTeamSchedulers } from "./team-schedulers.ts";

export interface DispatchDeps {
  clock: Clock;
  prompts: RecognitionPromptRepository;
  teamPosts: TeamPostSettings;
}

/** Each job's own JobDispatch calls (see job-list.ts), and the team schedulers' sync. */
export function bullmqDispatch(queues: SpurQueues, deps: DispatchDeps): JobDispatch {
  const calls = Object.assign({}, ...JOBS.map((job) => job.dispatchOn(queues, deps.clock))) as JobsDispatch;
  return {
    ...calls,
    syncTeamSchedules: (team: Team) => syncTeam(queues, deps, team),
  };
}

async function syncTeam(queues: SpurQueues, deps: Pick<DispatchDeps, "prompts" | "teamPosts">, team: Team): Promise<void> {
  // An archived team posts nothing: none of its schedulers stay.
  if (team.archived) return removeTeamSchedulers(queues.scheduled, team.id);
  const [prompts, leaderboard, awards] = await Promise.all([
    deps.prompts.schedule(team.id),
    deps.teamPosts.leaderboardMode(team.id),
    deps.teamPosts.awardsEnabled(team.id),
  ]);
  await syncTeamSchedulers(queues.scheduled, team, { prompts, leaderboard, awards });
}

/** At boot: the schedulers of the jobs run for all teams at once exist, with their current patterns. */
async function upsertGlobalSchedulers(queues: SpurQueues): Promise<void> {
  for (const job of JOBS) {
    if (!job.scheduler) continue;
    await queues[job.queue].upsertJobScheduler(job.scheduler.id, { pattern: job.scheduler.pattern, tz: "UTC" }, { name: job.name, data: {} });
  }
}

/**
 * At boot: every team's schedulers exist and match its settings, removed teams have none left, and the
 * schedulers of the jobs run for all teams at once exist.
 */
export async function upsertAllSchedulers(
  queues: SpurQueues,
  workspaces: WorkspaceRepository,
  deps: Pick<DispatchDeps, "prompts" | "teamPosts">,
): Promise<{ teams: number; removed: string[] }> {
  await upsertGlobalSchedulers(queues);
  const teams = await workspaces.listTeams();
  for (const team of teams) await syncTeam(queues, deps, team);
  const removed = await sweepOrphanSchedulers(queues.scheduled, new Set(teams.map((t) => t.id)));
  return { teams: teams.length, removed };
}
