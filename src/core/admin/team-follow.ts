// A team following a user group (Slack): while it does, the group's members are the team's members. Following
// reads the group at once and places its members (user-group-sync.ts); a group is followed by one team at most
// and a team follows one group. Unfollowing keeps everyone where they are. Both are audited as the admin's.
import type { AuditEntry } from "../shared/audit.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { Clock } from "../shared/ports.ts";
import { command, list, member, msg, type Msg } from "../../i18n/message.ts";
import type { TeamRecord } from "./team-ports.ts";
import type { GroupSyncResult } from "./user-group-ports.ts";
import { type GroupSyncDeps, placeGroupMembers } from "./user-group-sync.ts";

export interface TeamFollowDeps extends GroupSyncDeps {
  clock: Clock;
  members: Pick<MemberDirectory, "invalidate">;
}

export interface TeamFollowInput {
  workspace: Workspace;
  defaultTeam: Team;
  team: TeamRecord;
  actor: Member;
}

const at = (handle: string) => `@${handle}`;

function audit(input: TeamFollowInput, action: "team.follow" | "team.unfollow", details: Record<string, unknown>): AuditEntry {
  return { workspaceId: input.workspace.id, actorUserId: input.actor.platformUserId, action, target: input.team.id, details: { team: input.team.name, ...details }, reason: null };
}

/** Stops any follow before a new one can start; throws what the admin is told when the group can't be followed. */
export async function followGroup(deps: TeamFollowDeps, input: TeamFollowInput, group: { id: string; handle: string | null } | null): Promise<Msg[]> {
  const { workspace, team } = input;
  if (!deps.userGroups.supports(workspace)) throw new SpurError(ErrorCode.NotAllowed, msg("team.follow.slackOnly"));
  if (!group) throw new SpurError(ErrorCode.UnknownArgument, msg("team.parse.follow", { usage: command("spur", `team ${team.name} follow @group`) }));
  const userIds = await deps.userGroups.members(workspace, group.id);
  const handle = group.handle ?? (await deps.userGroups.list(workspace)).find((g) => g.id === group.id)?.handle ?? group.id;
  if (userIds === null) throw new SpurError(ErrorCode.UnknownArgument, msg("team.follow.unknownGroup", { group: at(handle) }));
  const followed = await deps.followedGroups.follow(team.id, { id: group.id, handle }, deps.clock.now(), audit(input, "team.follow", { group: handle, groupId: group.id }));
  if (!followed.ok && followed.reason === "taken") throw new SpurError(ErrorCode.NotAllowed, msg("team.follow.taken", { group: at(handle), team: followed.team }));
  if (!followed.ok) {
    throw new SpurError(ErrorCode.NotAllowed, msg("team.follow.other", { team: team.name, group: at(followed.handle), unfollow: command("spur", `team ${team.name} unfollow`) }));
  }
  const synced = await placeGroupMembers(deps, { workspace, defaultTeam: input.defaultTeam, group: { teamId: team.id, teamName: team.name, groupId: group.id, handle } }, userIds);
  return [msg("team.followed", { team: team.name, group: at(handle), count: synced.members, defaultTeam: input.defaultTeam.name }), ...syncLines(deps, workspace, synced)];
}

/** The store adds the group's handle to the audit entry. */
export async function unfollowGroup(deps: TeamFollowDeps, input: TeamFollowInput): Promise<Msg[]> {
  const handle = await deps.followedGroups.unfollow(input.team.id, audit(input, "team.unfollow", {}));
  if (handle === null) return [msg("team.follow.none", { team: input.team.name })];
  return [msg("team.unfollowed", { team: input.team.name, group: at(handle) })];
}

/** Who moved where, and who stays with a group followed first (a line each). */
export function syncLines(deps: Pick<TeamFollowDeps, "members">, workspace: Workspace, synced: GroupSyncResult): Msg[] {
  for (const p of synced.moved) deps.members.invalidate(workspace.id, p.platformUserId);
  const byTeam = <T extends { platformUserId: string; displayName: string }>(people: T[], teamOf: (p: T) => string) => {
    const teams = new Map<string, T[]>();
    for (const p of people) teams.set(teamOf(p), [...(teams.get(teamOf(p)) ?? []), p]);
    return [...teams.entries()].map(([team, ps]) => ({ team, people: list(ps.map((p) => member(p.platformUserId, p.displayName))) }));
  };
  return [
    ...byTeam(synced.moved, (p) => p.toTeam).map((m) => msg("team.assigned", m)),
    ...byTeam(synced.kept, (p) => p.team).map((k) => msg("team.follow.kept", k)),
  ];
}
