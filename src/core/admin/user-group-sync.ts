// Reading a followed user group and placing its members (see user-group-placement.ts): at once when a team
// follows it, when the platform says the group changed, and with the daily roster sync. People Spur has not
// met yet are added as provisional members (their profiles are read in the background, as for a gift);
// bots and departed accounts are left out. Moves are audited as Spur's own, naming the group.
import { SYSTEM_ACTOR, type AuditEntry } from "../shared/audit.ts";
import type { Team, Workspace } from "../shared/model.ts";
import type { MemberRepository } from "../shared/ports.ts";
import type { FollowedGroup, FollowedGroupRepository, GroupSyncResult, UserGroupDirectory } from "./user-group-ports.ts";

export interface GroupSyncDeps {
  userGroups: UserGroupDirectory;
  followedGroups: FollowedGroupRepository;
  memberRepo: Pick<MemberRepository, "findOrAddProvisional">;
}

export interface GroupSyncInput {
  workspace: Workspace;
  /** Where people Spur meets first are placed, and where who leaves a group goes back to. */
  defaultTeam: Team;
  group: FollowedGroup;
}

/** Places the group's members as given (`userIds`, as just read from the platform). */
export async function placeGroupMembers(deps: Omit<GroupSyncDeps, "userGroups">, input: GroupSyncInput, userIds: string[]): Promise<GroupSyncResult> {
  const { workspace, defaultTeam, group } = input;
  const people = await deps.memberRepo.findOrAddProvisional(workspace, defaultTeam.id, [...new Set(userIds)].map((id) => ({ platformUserId: id, displayName: id })));
  // In the group's own order, so replies and audit entries name people as Slack lists them.
  const order = new Map(userIds.map((id, i) => [id, i]));
  const humans = people.filter((p) => !p.isBot && !p.isDeactivated).sort((a, b) => (order.get(a.platformUserId) ?? 0) - (order.get(b.platformUserId) ?? 0));
  const audit: AuditEntry = {
    workspaceId: workspace.id,
    actorUserId: SYSTEM_ACTOR,
    action: "team.group_sync",
    target: group.teamId,
    details: { team: group.teamName, group: group.handle, groupId: group.groupId },
    reason: null,
  };
  return deps.followedGroups.reconcile(group.teamId, defaultTeam.id, humans.map((p) => p.id), audit);
}

/** Reads the group and places its members; null when the platform no longer has the group (nothing changes). */
export async function syncFollowedGroup(deps: GroupSyncDeps, input: GroupSyncInput): Promise<GroupSyncResult | null> {
  const userIds = await deps.userGroups.members(input.workspace, input.group.groupId);
  if (userIds === null) return null;
  return placeGroupMembers(deps, input, userIds);
}
