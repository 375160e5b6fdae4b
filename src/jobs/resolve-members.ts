// Fills in the profile of a member created provisionally (a gift named them before Spur knew them), with one
// user look-up (Slack users.info) within a per-workspace look-up budget shared by all processes; a rate limit
// delays the job by its Retry-After. Whoever the platform no longer knows is marked departed. A member the
// roster sync or a membership event completed first is left alone.
import type { Job } from "bullmq";
import type { Platform } from "../core/shared/model.ts";
import type { MemberRepository, PlatformUsers, WorkspaceRepository } from "../core/shared/ports.ts";
import { defineJob } from "./job-definition.ts";
import { POSTS_QUEUE } from "./queues.ts";
import type { RateBudget } from "./rate-budget.ts";
import { honouringRetryAfter } from "./retry-after.ts";

export const RESOLVE_MEMBER_JOB = "resolve-member";

export interface ResolveMemberJobData {
  platform: Platform;
  externalId: string;
  platformUserId: string;
  rateLimitedDelays?: number;
}

export interface ResolveMemberDeps {
  workspaces: Pick<WorkspaceRepository, "ensure">;
  memberRepo: Pick<MemberRepository, "upsertProfiles" | "provisionalOf" | "markDeparted">;
  /** Look-ups for background work: a rate limit is reported, not waited out. */
  backgroundUsers: PlatformUsers;
  lookupBudget: RateBudget;
  defaultTimeZone: string;
}

export async function processResolveMember(deps: ResolveMemberDeps, job: Job<ResolveMemberJobData>, token?: string): Promise<string> {
  const { platform, externalId, platformUserId } = job.data;
  const { workspace, defaultTeam } = await deps.workspaces.ensure(platform, externalId, { teamTimeZone: deps.defaultTimeZone });
  const [still] = await deps.memberRepo.provisionalOf(workspace.id, [platformUserId]);
  if (!still) return "already_known";
  const profile = await honouringRetryAfter(job, token, async () => {
    await deps.lookupBudget.acquire(`lookups:${externalId}`, "users");
    return deps.backgroundUsers.lookup(workspace, platformUserId);
  });
  if (!profile) {
    await deps.memberRepo.markDeparted(workspace.id, [platformUserId]);
    return "not_found";
  }
  await deps.memberRepo.upsertProfiles(workspace.id, defaultTeam.id, [profile]);
  return "resolved";
}

export const resolveMemberJob = defineJob({
  name: RESOLVE_MEMBER_JOB,
  queue: POSTS_QUEUE,
  // Queued from the outbox (see outbox-topics.ts), written with the provisional member it reads.
  process: processResolveMember,
});
