// The workers' side of the composition root: what each job's processor is given (jobs/job-list.ts declares
// the jobs; each one's Deps type says what it reads and where it posts).
import type { OutboundByWorkspace } from "../outbound-by-workspace.ts";
import { enqueueLeadDigest } from "../jobs/lead-digest.ts";
import { enqueueRosterSyncs } from "../jobs/roster-sync.ts";
import { userGroupSyncJob } from "../jobs/user-group-sync.ts";
import type { RosterSources } from "./outbound.ts";
import type { SpurQueues } from "../jobs/queues.ts";
import type { WorkerDeps } from "../jobs/workers.ts";
import type { Runtime, Stores } from "./services.ts";
import type { StoreInternals } from "./stores.ts";

export function workerDeps(
  runtime: Runtime,
  stores: Stores,
  internals: StoreInternals,
  outbound: OutboundByWorkspace,
  roster: RosterSources,
  queues: SpurQueues,
  leases: { digestMs: number; summaryMs: number },
): WorkerDeps {
  return {
    logger: runtime.logger,
    metrics: runtime.metrics,
    clock: runtime.clock,
    workspaces: internals.workspaces,
    teamPosts: internals.workspaces,
    scorecardReads: stores.scorecardReads,
    kpiTargets: stores.kpiTargets,
    digestReads: stores.digestReads,
    runs: stores.runs,
    leaseMs: leases.digestMs,
    kudos: stores.kudos,
    teamScores: internals.teamScores,
    leads: internals.ledger,
    leadDigests: (input) => enqueueLeadDigest(queues, input),
    recognitionSettings: stores.recognitionSettings,
    notifierFor: (teamId) => outbound.notifierForTeam(teamId),
    notifierForWorkspace: (workspaceId) => outbound.notifierFor(workspaceId),
    feedback: stores.feedback,
    feedbackRequests: stores.feedbackRequests,
    feedbackSecret: runtime.feedbackSecret,
    messengerFor: (workspaceId) => outbound.messengerFor(workspaceId),
    summaryLeaseMs: leases.summaryMs,
    prompts: stores.prompts,
    exportReads: internals.dataExports,
    exportDeliveryFor: (workspaceId) => outbound.exportDeliveryFor(workspaceId),
    memberRepo: stores.memberRepo,
    defaultTimeZone: runtime.defaultTimeZone,
    backgroundUsers: roster.backgroundUsers,
    lookupBudget: roster.lookupBudget,
    platformRoster: roster.platformRoster,
    rosterRuns: internals.rosterRuns,
    rosterTargets: () => internals.rosterRuns.targets(),
    syncRosters: (targets) => enqueueRosterSyncs(queues, runtime.clock, targets),
    userGroups: roster.userGroups,
    followedGroups: stores.followedGroups,
    syncUserGroups: (target) => userGroupSyncJob.add(queues, target),
  };
}
