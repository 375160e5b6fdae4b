// Reads a workspace's followed user groups and places their members (core/admin/user-group-sync.ts): queued
// when Slack says a group's members or settings changed (subteam_members_changed, subteam_updated), and by
// each day's roster sync once the roster is stored. Placing is idempotent (the group's members as read now
// decide), so a retry or a second event changes nothing more; a rate limit delays the job by its Retry-After.
import type { Job, JobsOptions } from "bullmq";
import type { Platform } from "../core/shared/model.ts";
import type { WorkspaceRepository } from "../core/shared/ports.ts";
import { type GroupSyncDeps, syncFollowedGroup } from "../core/admin/user-group-sync.ts";
import type { Logger } from "../logger.ts";
import { defineJob } from "./job-definition.ts";
import { SCHEDULED_QUEUE } from "./queues.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const USER_GROUP_SYNC_JOB = "user-group-sync";

export interface UserGroupSyncJobData {
  platform: Platform;
  externalId: string;
  /** The one group to read; every followed group of the workspace when absent. */
  groupId?: string;
  rateLimitedDelays?: number;
}

export type UserGroupSyncDeps = GroupSyncDeps & {
  workspaces: Pick<WorkspaceRepository, "ensure">;
  defaultTimeZone: string;
  logger: Logger;
};

export async function processUserGroupSync(deps: UserGroupSyncDeps, job: Job<UserGroupSyncJobData>, token?: string): Promise<string> {
  const { platform, externalId, groupId } = job.data;
  const { workspace, defaultTeam } = await deps.workspaces.ensure(platform, externalId, { teamTimeZone: deps.defaultTimeZone });
  if (!deps.userGroups.supports(workspace)) return "no_groups";
  const groups = (await deps.followedGroups.followed(workspace.id)).filter((g) => groupId === undefined || g.groupId === groupId);
  let moved = 0;
  for (const group of groups) {
    const synced = await honouringRetryAfter(job, token, () => syncFollowedGroup(deps, { workspace, defaultTeam, group }));
    if (synced === null) deps.logger.warn({ workspaceId: workspace.id, groupId: group.groupId }, "a followed user group is gone: its team's members stay as they are");
    moved += synced?.moved.length ?? 0;
  }
  return `synced ${groups.length} groups, moved ${moved}`;
}

export const userGroupSyncJob = defineJob({
  name: USER_GROUP_SYNC_JOB,
  queue: SCHEDULED_QUEUE,
  process: processUserGroupSync,
  dispatch: ({ add }) => ({
    syncUserGroups: async (target, options) => {
      // One job per event (Slack's event id); a retried delivery of the same event queues nothing new.
      const jobOptions: JobsOptions = options?.key ? { jobId: `user-group-sync-${target.externalId}-${options.key}`.replaceAll(":", "_") } : {};
      await add({ platform: target.platform, externalId: target.externalId, ...(target.groupId ? { groupId: target.groupId } : {}) }, jobOptions);
    },
  }),
});
