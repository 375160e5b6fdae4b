// Team administration in PostgreSQL: each change and its audit entry in one transaction. Name changes lock
// the workspace row first, so two admins cannot give two teams the same name (compared without case) at once.
import type { AuditEntry } from "../core/shared/audit.ts";
import type { TeamLeadership } from "../core/shared/ports.ts";
import type { PlaceChannel, ChannelTeams, TeamAdminRepository, TeamRecord, TeamSettingsAudits, TeamSettingsChange, TeamSettingsPatch, TeamSettingsSaved, TeamSummary } from "../core/admin/team-ports.ts";
import { followIn, unfollowIn } from "./followed-group-store.ts";
import { teamNameKey } from "../core/admin/team-names.ts";
import type { Team } from "../core/shared/model.ts";
import type { Prisma, Team as TeamRow } from "../generated/prisma/client.ts";
import { toTeam } from "./mappers.ts";
import type { Db } from "./prisma.ts";

type Tx = Prisma.TransactionClient;

export function toRecord(row: TeamRow): TeamRecord {
  const userGroup = row.userGroupId ? { id: row.userGroupId, handle: row.userGroupHandle ?? row.userGroupId } : null;
  return { ...toTeam(row), isDefault: row.isDefault, archived: row.archivedAt !== null, userGroup };
}

export class PrismaTeamAdminStore implements TeamAdminRepository, TeamLeadership, ChannelTeams {
  /** `teamsChanged` is told after a team's settings or name changed (cached copies of the default team go stale). */
  constructor(
    private readonly db: Db,
    private readonly teamsChanged: () => void = () => undefined,
  ) {}

  async summaries(workspaceId: string): Promise<TeamSummary[]> {
    const rows = await this.db.team.findMany({
      where: { workspaceId },
      include: {
        leads: { include: { member: { select: { platformUserId: true, displayName: true, isDeactivated: true } } }, orderBy: { createdAt: "asc" } },
        _count: { select: { members: { where: { isBot: false, isDeactivated: false } } } },
        mappedChannel: { select: { channelId: true } },
      },
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    });
    return rows.map((row) => ({
      team: toRecord(row),
      leads: row.leads.filter((l) => !l.member.isDeactivated).map((l) => ({ platformUserId: l.member.platformUserId, displayName: l.member.displayName })),
      memberCount: row._count.members,
      mappedChannelId: row.mappedChannel?.channelId ?? null,
    }));
  }

  async byName(workspaceId: string, name: string): Promise<TeamRecord | null> {
    const rows = await this.db.team.findMany({ where: { workspaceId, name: { equals: name.trim(), mode: "insensitive" } } });
    const row = rows.find((r) => teamNameKey(r.name) === teamNameKey(name)) ?? rows[0];
    return row ? toRecord(row) : null;
  }

  async create(
    workspaceId: string,
    team: { name: string; timeZone: string; digestDay: number; digestMinuteOfDay: number },
    audit: AuditEntry,
  ): Promise<TeamRecord | "taken"> {
    return this.db.$transaction(async (tx) => {
      if (await nameTaken(tx, workspaceId, team.name, null)) return "taken" as const;
      const row = await tx.team.create({ data: { workspaceId, ...team, name: team.name.trim() } });
      await writeAudit(tx, { ...audit, target: row.id });
      return toRecord(row);
    });
  }

  async update(teamId: string, patch: TeamSettingsPatch, audit: AuditEntry): Promise<TeamRecord | "taken"> {
    const result = await this.db.$transaction((tx) => updateIn(tx, teamId, patch, audit));
    this.teamsChanged();
    return result;
  }

  async saveSettings(teamId: string, change: TeamSettingsChange, audits: TeamSettingsAudits, at: Date): Promise<TeamSettingsSaved> {
    try {
      const saved = await this.db.$transaction(async (tx) => {
        if (Object.keys(change.patch).length > 0 && (await updateIn(tx, teamId, change.patch, audits.update)) === "taken") throw new Refused({ ok: false, reason: "nameTaken" });
        if (change.leadsAdded.length > 0) await setLeadsIn(tx, teamId, change.leadsAdded, "add", audits.leadAdd);
        if (change.leadsRemoved.length > 0) await setLeadsIn(tx, teamId, change.leadsRemoved, "remove", audits.leadRemove);
        if (change.group !== undefined) {
          const current = await tx.team.findUniqueOrThrow({ where: { id: teamId } });
          if (current.userGroupId && current.userGroupId !== change.group?.id) await unfollowIn(tx, teamId, audits.unfollow);
          if (change.group) {
            const followed = await followIn(tx, teamId, change.group, at, audits.follow);
            if (!followed.ok) throw new Refused(followed);
          }
        }
        return toRecord(await tx.team.findUniqueOrThrow({ where: { id: teamId } }));
      });
      this.teamsChanged();
      return { ok: true, team: saved };
    } catch (err) {
      if (err instanceof Refused) return err.result;
      throw err;
    }
  }

  async archive(teamId: string, at: Date, audit: AuditEntry): Promise<TeamRecord | { members: number }> {
    return this.db.$transaction(async (tx) => {
      // The team row is locked, so no member is moved in between the count and the archive.
      await tx.$queryRaw`SELECT id FROM team WHERE id = ${teamId}::uuid FOR UPDATE`;
      const members = await tx.member.count({ where: { teamId, isBot: false, isDeactivated: false } });
      if (members > 0) return { members };
      // An archived team follows no group any more.
      const row = await tx.team.update({ where: { id: teamId }, data: { archivedAt: at, userGroupId: null, userGroupHandle: null, userGroupFollowedAt: null } });
      await tx.teamLead.deleteMany({ where: { teamId } });
      await tx.teamChannel.deleteMany({ where: { teamId } });
      await tx.teamGroupMember.deleteMany({ where: { teamId } });
      await writeAudit(tx, audit);
      return toRecord(row);
    });
  }

  async setLeads(teamId: string, memberIds: string[], action: "add" | "remove", audit: AuditEntry): Promise<string[]> {
    return this.db.$transaction((tx) => setLeadsIn(tx, teamId, memberIds, action, audit));
  }

  async mapChannel(teamId: string, channel: PlaceChannel, audit: AuditEntry): Promise<{ team: TeamRecord; previousTeam: string | null }> {
    const result = await this.db.$transaction(async (tx) => {
      // The workspace row is locked, so two admins mapping at once cannot leave a channel or a team mapped twice.
      const team = await tx.team.findUniqueOrThrow({ where: { id: teamId } });
      await tx.$queryRaw`SELECT id FROM workspace WHERE id = ${team.workspaceId}::uuid FOR UPDATE`;
      const before = await tx.teamChannel.findUnique({ where: { workspaceId_channelId: { workspaceId: team.workspaceId, channelId: channel.channelId } }, include: { team: { select: { name: true } } } });
      const mapped = await tx.teamChannel.findUnique({ where: { teamId } });
      // Mapped here already, and posting here: nothing changes, and nothing is written.
      if (mapped?.channelId === channel.channelId && team.channelId === channel.channelId) return { team: toRecord(team), previousTeam: null };
      await tx.teamChannel.deleteMany({ where: { OR: [{ teamId }, { workspaceId: team.workspaceId, channelId: channel.channelId }] } });
      await tx.teamChannel.create({ data: { workspaceId: team.workspaceId, channelId: channel.channelId, groupId: channel.groupId, teamId } });
      const row = await tx.team.update({ where: { id: teamId }, data: { channelId: channel.channelId } });
      const previousTeam = before && before.teamId !== teamId ? before.team.name : null;
      const details = {
        ...audit.details,
        mapped: { from: mapped?.channelId ?? null, to: channel.channelId },
        channelId: { from: team.channelId, to: channel.channelId },
        ...(channel.groupId ? { groupId: channel.groupId } : {}),
        ...(previousTeam ? { previousTeam } : {}),
      };
      await writeAudit(tx, { ...audit, details });
      return { team: toRecord(row), previousTeam };
    });
    this.teamsChanged();
    return result;
  }

  async teamOfChannel(workspaceId: string, channelId: string): Promise<Team | null> {
    const row = await this.db.teamChannel.findUnique({ where: { workspaceId_channelId: { workspaceId, channelId } }, include: { team: true } });
    return row && row.team.archivedAt === null ? toTeam(row.team) : null;
  }

  async assign(teamId: string, memberIds: string[], audit: AuditEntry): Promise<string[]> {
    return this.db.$transaction(async (tx) => {
      // The target team is locked against being archived while people move in.
      const [team] = await tx.$queryRaw<{ archived: boolean }[]>`SELECT archived_at IS NOT NULL AS archived FROM team WHERE id = ${teamId}::uuid FOR SHARE`;
      if (!team || team.archived) return [];
      const moving = await tx.member.findMany({ where: { id: { in: memberIds }, OR: [{ teamId: null }, { teamId: { not: teamId } }] }, select: { id: true } });
      const moved = moving.map((m) => m.id);
      if (moved.length === 0) return [];
      await tx.member.updateMany({ where: { id: { in: moved } }, data: { teamId } });
      await writeAudit(tx, { ...audit, details: { ...audit.details, moved } });
      return moved;
    });
  }

  async teamsLedBy(memberId: string): Promise<string[]> {
    const rows = await this.db.teamLead.findMany({ where: { memberId, team: { archivedAt: null } }, select: { teamId: true } });
    return rows.map((r) => r.teamId);
  }
}

/** A refusal inside a transaction: thrown to undo what it had written, then returned. */
class Refused extends Error {
  constructor(readonly result: Exclude<TeamSettingsSaved, { ok: true }>) {
    super("refused");
  }
}

async function updateIn(tx: Tx, teamId: string, patch: TeamSettingsPatch, audit: AuditEntry): Promise<TeamRecord | "taken"> {
  const current = await tx.team.findUniqueOrThrow({ where: { id: teamId } });
  if (patch.name !== undefined && (await nameTaken(tx, current.workspaceId, patch.name, teamId))) return "taken";
  const row = await tx.team.update({ where: { id: teamId }, data: { ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}) } });
  await writeAudit(tx, audit);
  return toRecord(row);
}

async function setLeadsIn(tx: Tx, teamId: string, memberIds: string[], action: "add" | "remove", audit: AuditEntry): Promise<string[]> {
  const existing = new Set((await tx.teamLead.findMany({ where: { teamId, memberId: { in: memberIds } } })).map((l) => l.memberId));
  const changed = memberIds.filter((id) => (action === "add" ? !existing.has(id) : existing.has(id)));
  if (changed.length === 0) return [];
  if (action === "add") {
    await tx.teamLead.createMany({ data: changed.map((memberId) => ({ teamId, memberId })) });
    // Agents who now lead a team get the lead role; admins keep theirs.
    await tx.member.updateMany({ where: { id: { in: changed }, role: "agent" }, data: { role: "lead" } });
  } else {
    await tx.teamLead.deleteMany({ where: { teamId, memberId: { in: changed } } });
  }
  await writeAudit(tx, { ...audit, details: { ...audit.details, changed } });
  return changed;
}

async function nameTaken(tx: Tx, workspaceId: string, name: string, exceptTeamId: string | null): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM workspace WHERE id = ${workspaceId}::uuid FOR UPDATE`;
  const others = await tx.team.findMany({ where: { workspaceId, ...(exceptTeamId ? { id: { not: exceptTeamId } } : {}) }, select: { name: true } });
  return others.some((t) => teamNameKey(t.name) === teamNameKey(name));
}

async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLogEntry.create({ data: { ...entry, details: entry.details as Prisma.InputJsonValue } });
}
