// What a background job is: its name, the queue it runs on, the processor that runs it, and how it gets
// queued (a job scheduler per team, the request path's JobDispatch calls, or another job). Each job file
// declares its job with defineJob; job-list.ts lists them all, and the workers, the dispatch and the team
// schedulers are built from that list.
import type { Job, JobsOptions } from "bullmq";
import type { JobDispatch } from "../app/services.ts";
import type { LeaderboardPostMode } from "../core/admin/team-post-settings.ts";
import type { PromptSchedule } from "../core/feedback/feedback-model.ts";
import type { Team } from "../core/shared/model.ts";
import type { Clock } from "../core/shared/ports.ts";
import type { CronSchedule } from "../core/shared/schedule.ts";
import type { QueueName, SpurQueues } from "./queues.ts";

/** What a team's scheduler hands its job. */
export interface TeamJobData {
  teamId: string;
}

/** The team settings beyond the team row that decide its schedules. */
export interface TeamScheduleSettings {
  prompts: PromptSchedule;
  leaderboard: LeaderboardPostMode;
  awards: boolean;
}

/** A job every team runs on a schedule: one BullMQ job scheduler per team, with a stable id. */
export interface TeamScheduler {
  schedulerId(teamId: string): string;
  /** When the job fires for this team, or null when the team has it turned off. */
  schedule(team: Team, settings: TeamScheduleSettings): CronSchedule | null;
}

/** What a job's JobDispatch calls are built with. */
export interface DispatchContext<Data> {
  /** Queues this job; `options` carry its job id (a second add with the same id queues nothing) and delay. */
  add(data: Data, options?: JobsOptions): Promise<void>;
  /** For a call that queues other jobs too (declared before this one). */
  queues: SpurQueues;
  clock: Clock;
}

export interface JobSpec<Deps, Data, Dispatched extends keyof JobDispatch> {
  name: string;
  queue: QueueName;
  /** Runs one job. `deps` come from the composition root, one object for all jobs (see JobDeps). */
  process(deps: Deps, job: Job<Data>, token?: string): Promise<unknown>;
  /** Set when every team runs the job on a schedule (see team-schedulers.ts). */
  teamScheduler?: TeamScheduler;
  /** Set when the job runs once for all teams on a schedule (UTC cron): one scheduler, kept at boot. */
  scheduler?: { id: string; pattern: string };
  /** The request path's calls that queue the job: its part of JobDispatch. */
  dispatch?(context: DispatchContext<Data>): Pick<JobDispatch, Dispatched>;
}

export interface JobDefinition<Deps, Data, Dispatched extends keyof JobDispatch = never> extends JobSpec<Deps, Data, Dispatched> {
  /** Queues the job on its queue (for another job, or a dispatch call that queues several jobs). */
  add(queues: SpurQueues, data: Data, options?: JobsOptions): Promise<void>;
  /** Its JobDispatch calls, queueing on `queues` (none when the request path never queues it). */
  dispatchOn(queues: SpurQueues, clock: Clock): Pick<JobDispatch, Dispatched>;
}

export function defineJob<Deps, Data, Dispatched extends keyof JobDispatch = never>(
  spec: JobSpec<Deps, Data, Dispatched>,
): JobDefinition<Deps, Data, Dispatched> {
  const add = async (queues: SpurQueues, data: Data, options?: JobsOptions): Promise<void> => {
    await queues[spec.queue].add(spec.name, data, options);
  };
  return {
    ...spec,
    add,
    dispatchOn: (queues, clock) =>
      spec.dispatch?.({ add: (data, options) => add(queues, data, options), queues, clock }) ?? ({} as Pick<JobDispatch, Dispatched>),
  };
}
