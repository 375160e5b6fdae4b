// The roster sync: reads a workspace's people from its chat platform a page at a time (Slack users.list,
// 200 a page; the Teams roster) and stores each page as one batch of members. Queued at install and, for every
// installed workspace, once a day by the daily job below. The (workspace, UTC day) claim in PostgreSQL makes
// each day's sync run once across processes; the job keeps its claim and cursor in its data, so a rate limit
// (the job waits out Retry-After) or a crash resumes at the page where it stopped. Once the roster is stored,
// the workspace's followed user groups are read too (jobs/user-group-sync.ts).
import type { Job, JobsOptions } from "bullmq";
import type { Platform } from "../core/shared/model.ts";
import type { Clock, MemberRepository, WorkspaceRepository } from "../core/shared/ports.ts";
import { type PlatformRoster, rosterDay, type RosterSyncRuns } from "../core/shared/roster.ts";
import { defineJob } from "./job-definition.ts";
import { SCHEDULED_QUEUE, type SpurQueues } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const ROSTER_SYNC_JOB = "roster-sync";
export const DAILY_ROSTER_SYNC_JOB = "roster-sync-daily";
/** How long a claim lasts without a stored page before another process may take the day over. */
export const ROSTER_SYNC_LEASE_MS = 10 * 60_000;

export interface RosterTarget {
  platform: Platform;
  externalId: string;
}

export interface RosterSyncJobData extends RosterTarget {
  day: string;
  /** This job's claim of the day, once it has one. */
  claim?: string;
  /** Where the next page starts; absent before the first page. */
  cursor?: string;
  rateLimitedDelays?: number;
}

export interface RosterSyncDeps {
  workspaces: Pick<WorkspaceRepository, "ensure">;
  memberRepo: Pick<MemberRepository, "upsertProfiles">;
  platformRoster: PlatformRoster;
  rosterRuns: RosterSyncRuns;
  clock: Clock;
  defaultTimeZone: string;
  /** Queues the reading of the workspace's followed user groups, once its roster is stored. */
  syncUserGroups(target: RosterTarget): Promise<void>;
}

export interface DailyRosterSyncDeps {
  /** The installed workspaces, whose rosters are read each day. */
  rosterTargets(): Promise<RosterTarget[]>;
  syncRosters(targets: RosterTarget[]): Promise<void>;
}

export async function processRosterSync(deps: RosterSyncDeps, job: Job<RosterSyncJobData>, token?: string): Promise<string> {
  const { platform, externalId, day } = job.data;
  const { workspace, defaultTeam } = await deps.workspaces.ensure(platform, externalId, { teamTimeZone: deps.defaultTimeZone });
  const now = () => deps.clock.now();
  const claim = job.data.claim ?? (await deps.rosterRuns.claim(workspace.id, day, ROSTER_SYNC_LEASE_MS, now()))?.id;
  if (!claim) return "already_synced";
  if (!job.data.claim) await job.updateData({ ...job.data, claim });
  let cursor: string | null = job.data.cursor ?? null;
  let stored = 0;
  for (;;) {
    const page = await honouringRetryAfter(job, token, () => deps.platformRoster.page(workspace, cursor));
    if (!page) return "not_installed";
    await deps.memberRepo.upsertProfiles(workspace.id, defaultTeam.id, page.profiles, { fromDirectory: true });
    stored += page.profiles.length;
    if (!(await deps.rosterRuns.progress(claim, page.profiles.length, new Date(now().getTime() + ROSTER_SYNC_LEASE_MS)))) {
      return "claim_lost";
    }
    if (!page.next) break;
    cursor = page.next;
    await job.updateData({ ...job.data, claim, cursor });
  }
  await deps.rosterRuns.finish(claim, now());
  // Followed groups are read after the roster, so the people they hold are known members by then.
  await deps.syncUserGroups({ platform, externalId });
  return `synced ${stored}`;
}

/** Queues the roster syncs of `targets` for the day of `now`; a second call the same day queues nothing new. */
export async function enqueueRosterSyncs(queues: SpurQueues, clock: Clock, targets: RosterTarget[]): Promise<void> {
  const day = rosterDay(clock.now());
  for (const t of targets) {
    const options: JobsOptions = { jobId: `roster-sync-${t.platform}-${t.externalId}-${day}`.replaceAll(":", "_") };
    await rosterSyncJob.add(queues, { platform: t.platform, externalId: t.externalId, day }, options);
  }
}

export const rosterSyncJob = defineJob({
  name: ROSTER_SYNC_JOB,
  queue: SCHEDULED_QUEUE,
  process: processRosterSync,
  dispatch: ({ queues, clock }) => ({
    syncRoster: (target) => enqueueRosterSyncs(queues, clock, [target]),
  }),
});

export const dailyRosterSyncJob = defineJob({
  name: DAILY_ROSTER_SYNC_JOB,
  queue: SCHEDULED_QUEUE,
  // Early in the UTC day, before most teams' digests.
  scheduler: { id: "roster-sync-daily", pattern: "15 2 * * *" },
  process: async (deps: DailyRosterSyncDeps) => {
    const targets = await deps.rosterTargets();
    await deps.syncRosters(targets);
    return `queued ${targets.length}`;
  },
});
