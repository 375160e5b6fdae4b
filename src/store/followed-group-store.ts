// Followed user groups in PostgreSQL: which team follows which group, and who the group held when Spur last
// read it (team_group_member). Follows and syncs lock the workspace row, so two admins can't have two teams
// follow one group, and two groups' syncs place people one after the other (first followed wins).
import type { AuditEntry } from "../core/shared/audit.ts";
import { groupPlacements } from "../core/admin/user-group-placement.ts";
import type { FollowedGroup, FollowedGroupRepository, FollowResult, GroupSyncResult } from "../core/admin/user-group-ports.ts";
import { auditRow, type Tx } from "./audited.ts";
import type { Db } from "./prisma.ts";

async function lockWorkspaceOf(tx: Tx, teamId: string) {
  const team = await tx.team.findUniqueOrThrow({ where: { id: teamId } });
  await tx.$queryRaw`SELECT id FROM workspace WHERE id = ${team.workspaceId}::uuid FOR UPDATE`;
  return team;
}

/** Follows the group within `tx` (see FollowedGroupRepository.follow); writes `audit` when it follows. */
export async function followIn(tx: Tx, teamId: string, group: { id: string; handle: string }, at: Date, audit: AuditEntry): Promise<FollowResult> {
  const team = await lockWorkspaceOf(tx, teamId);
  if (team.userGroupId && team.userGroupId !== group.id) return { ok: false, reason: "following", handle: team.userGroupHandle ?? team.userGroupId };
  const other = await tx.team.findFirst({ where: { workspaceId: team.workspaceId, userGroupId: group.id, id: { not: teamId } }, select: { name: true } });
  if (other) return { ok: false, reason: "taken", team: other.name };
  if (team.userGroupId === group.id) {
    // Already followed: only the handle may have changed; the first follow's time still counts.
    await tx.team.update({ where: { id: teamId }, data: { userGroupHandle: group.handle } });
    return { ok: true };
  }
  await tx.team.update({ where: { id: teamId }, data: { userGroupId: group.id, userGroupHandle: group.handle, userGroupFollowedAt: at } });
  await tx.auditLogEntry.create({ data: auditRow(audit) });
  return { ok: true };
}

/** Stops following within `tx`; the audit entry names the group. */
export async function unfollowIn(tx: Tx, teamId: string, audit: AuditEntry): Promise<string | null> {
  const team = await lockWorkspaceOf(tx, teamId);
  if (!team.userGroupId) return null;
  const handle = team.userGroupHandle ?? team.userGroupId;
  await tx.team.update({ where: { id: teamId }, data: { userGroupId: null, userGroupHandle: null, userGroupFollowedAt: null } });
  await tx.teamGroupMember.deleteMany({ where: { teamId } });
  await tx.auditLogEntry.create({ data: auditRow({ ...audit, details: { ...audit.details, group: handle, groupId: team.userGroupId } }) });
  return handle;
}

export class PrismaFollowedGroupStore implements FollowedGroupRepository {
  constructor(private readonly db: Db) {}

  follow(teamId: string, group: { id: string; handle: string }, at: Date, audit: AuditEntry): Promise<FollowResult> {
    return this.db.$transaction((tx) => followIn(tx, teamId, group, at, audit));
  }

  unfollow(teamId: string, audit: AuditEntry): Promise<string | null> {
    return this.db.$transaction((tx) => unfollowIn(tx, teamId, audit));
  }

  async followed(workspaceId: string): Promise<FollowedGroup[]> {
    const rows = await this.db.team.findMany({
      where: { workspaceId, archivedAt: null, userGroupId: { not: null } },
      orderBy: [{ userGroupFollowedAt: "asc" }, { createdAt: "asc" }],
    });
    return rows.map((r) => ({ teamId: r.id, teamName: r.name, groupId: r.userGroupId ?? "", handle: r.userGroupHandle ?? r.userGroupId ?? "" }));
  }

  async reconcile(teamId: string, defaultTeamId: string, memberIds: string[], audit: AuditEntry): Promise<GroupSyncResult> {
    return this.db.$transaction(async (tx) => {
      const team = await lockWorkspaceOf(tx, teamId);
      if (!team.userGroupId || team.archivedAt) return { members: 0, moved: [], kept: [] };
      const now = new Set(memberIds);
      const before = new Set((await tx.teamGroupMember.findMany({ where: { teamId }, select: { memberId: true } })).map((r) => r.memberId));
      await tx.teamGroupMember.deleteMany({ where: { teamId, memberId: { notIn: memberIds } } });
      await tx.teamGroupMember.createMany({ data: memberIds.map((memberId) => ({ teamId, memberId })), skipDuplicates: true });
      const affected = [...new Set([...now, ...before])];
      const teams = await tx.team.findMany({
        where: { workspaceId: team.workspaceId, archivedAt: null, OR: [{ userGroupId: { not: null } }, { id: defaultTeamId }] },
        orderBy: [{ userGroupFollowedAt: "asc" }, { createdAt: "asc" }],
        include: { groupMembers: { where: { memberId: { in: affected } }, select: { memberId: true } } },
      });
      const people = await tx.member.findMany({ where: { id: { in: affected } }, select: { id: true, teamId: true, platformUserId: true, displayName: true } });
      const placed = groupPlacements({
        teamId,
        defaultTeamId,
        followers: teams.filter((t) => t.userGroupId).map((t) => ({ teamId: t.id, memberIds: new Set(t.groupMembers.map((g) => g.memberId)) })),
        before,
        current: new Map(people.map((p) => [p.id, p.teamId])),
      });
      // Members in the order given, then who left, by chat id: the same sync always reads the same.
      const rank = (memberId: string) => {
        const at = memberIds.indexOf(memberId);
        return at >= 0 ? String(at).padStart(8, "0") : `~${people.find((p) => p.id === memberId)?.platformUserId ?? ""}`;
      };
      const byRank = <T extends { memberId: string }>(list: T[]) => [...list].sort((a, b) => (rank(a.memberId) < rank(b.memberId) ? -1 : 1));
      const moves = byRank(placed.moves);
      const kept = byRank(placed.kept);
      const nameOf = new Map(teams.map((t) => [t.id, t.name]));
      const person = new Map(people.map((p) => [p.id, p]));
      for (const to of new Set(moves.map((m) => m.to))) {
        await tx.member.updateMany({ where: { id: { in: moves.filter((m) => m.to === to).map((m) => m.memberId) } }, data: { teamId: to } });
      }
      const moved = moves.map((m) => ({ platformUserId: person.get(m.memberId)?.platformUserId ?? "", displayName: person.get(m.memberId)?.displayName ?? "", toTeam: nameOf.get(m.to) ?? "" }));
      if (moves.length > 0) {
        const members = moves.map((m) => ({ member: person.get(m.memberId)?.platformUserId ?? "", from: m.from, to: nameOf.get(m.to) ?? "" }));
        await tx.auditLogEntry.create({ data: auditRow({ ...audit, details: { ...audit.details, members } }) });
      }
      return {
        members: memberIds.length,
        moved,
        kept: kept.map((k) => ({ platformUserId: person.get(k.memberId)?.platformUserId ?? "", displayName: person.get(k.memberId)?.displayName ?? "", team: nameOf.get(k.teamId) ?? "" })),
      };
    });
  }
}
