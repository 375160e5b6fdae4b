// What a team following a chat platform's user group needs: the platform's groups and their members (Slack's
// usergroups.list and usergroups.users.list), and the store of which team follows which group and who the
// group held when Spur last read it. Every change is written with its audit entry, in one transaction.
import type { AuditEntry } from "../shared/audit.ts";
import type { Workspace } from "../shared/model.ts";

export interface UserGroup {
  id: string;
  /** How people mention it, without the @. */
  handle: string;
  name: string;
}

export interface UserGroupDirectory {
  /** Whether the workspace's platform has user groups (Slack does; Teams maps its own teams and channels). */
  supports(workspace: Workspace): boolean;
  /** The group's members' platform user ids; null when the workspace has no such group (or it was disabled). */
  members(workspace: Workspace, groupId: string): Promise<string[] | null>;
  /** The workspace's groups, for a form to offer; empty where the platform has none. */
  list(workspace: Workspace): Promise<UserGroup[]>;
}

/** A team that follows a group. */
export interface FollowedGroup {
  teamId: string;
  teamName: string;
  groupId: string;
  handle: string;
}

export type FollowResult = { ok: true } | { ok: false; reason: "taken"; team: string } | { ok: false; reason: "following"; handle: string };

export interface GroupPerson {
  platformUserId: string;
  displayName: string;
}

export interface GroupSyncResult {
  /** The group's members as placed: people, without bots and departed accounts. */
  members: number;
  /** Who changed team, and to which (a team of another followed group, or the default team for who left). */
  moved: (GroupPerson & { toTeam: string })[];
  /** Members of the group who stay in the team of a group followed before it. */
  kept: (GroupPerson & { team: string })[];
}

export interface FollowedGroupRepository {
  /** "taken" when another team follows the group; "following" when the team follows another group. */
  follow(teamId: string, group: { id: string; handle: string }, at: Date, audit: AuditEntry): Promise<FollowResult>;
  /** Stops following, returning the group's handle (null when the team followed none). Members stay where they are. */
  unfollow(teamId: string, audit: AuditEntry): Promise<string | null>;
  /** The workspace's followed groups, the first followed first. */
  followed(workspaceId: string): Promise<FollowedGroup[]>;
  /**
   * Records `memberIds` as the members of the group the team follows and places people as the group says:
   * members join the team unless a group followed earlier holds them; who left goes to the team of another
   * followed group that holds them, else to the default team. Audited (`audit`) only when someone moved.
   * Nothing changes when the team no longer follows a group.
   */
  reconcile(teamId: string, defaultTeamId: string, memberIds: string[], audit: AuditEntry): Promise<GroupSyncResult>;
}
