// The ladder of levels in PostgreSQL: each change and its audit entry in one transaction. Creating or renaming
// locks the workspace row first, so two admins cannot give two levels the same name (compared without case).
import type { LevelRecord, LevelRepository, LevelSummary } from "../core/admin/level-ports.ts";
import { teamNameKey } from "../core/admin/team-names.ts";
import type { LevelTarget } from "../core/kpi/effective-targets.ts";
import { isMetricCode, type MetricCode } from "../core/kpi/kpi-catalogue.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import type { Level as LevelRow } from "../generated/prisma/client.ts";
import { auditRow, type Tx } from "./audited.ts";
import type { Db } from "./prisma.ts";

function toRecord(row: LevelRow): LevelRecord {
  return { id: row.id, workspaceId: row.workspaceId, name: row.name, position: row.position };
}

/** Level names compare as team names do: normalised, case folded, spaces collapsed. */
const nameKey = teamNameKey;

async function lockWorkspace(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM workspace WHERE id = ${workspaceId}::uuid FOR UPDATE`;
}

export class PrismaLevelStore implements LevelRepository {
  constructor(private readonly db: Db) {}

  async ladder(workspaceId: string): Promise<LevelSummary[]> {
    const rows = await this.db.level.findMany({
      where: { workspaceId },
      include: { targets: { orderBy: { metric: "asc" } }, _count: { select: { members: { where: { isBot: false, isDeactivated: false } } } } },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
    return rows.map((row) => ({
      level: toRecord(row),
      memberCount: row._count.members,
      targets: row.targets.flatMap((t) => (isMetricCode(t.metric) ? [{ metric: t.metric, target: t.target, weight: t.weight }] : [])),
    }));
  }

  async byName(workspaceId: string, name: string): Promise<LevelRecord | null> {
    const row = await this.db.level.findUnique({ where: { workspaceId_nameKey: { workspaceId, nameKey: nameKey(name) } } });
    return row ? toRecord(row) : null;
  }

  async create(workspaceId: string, name: string, audit: AuditEntry): Promise<LevelRecord | "taken"> {
    return this.db.$transaction(async (tx) => {
      await lockWorkspace(tx, workspaceId);
      if (await tx.level.findUnique({ where: { workspaceId_nameKey: { workspaceId, nameKey: nameKey(name) } } })) return "taken" as const;
      const top = await tx.level.aggregate({ where: { workspaceId }, _max: { position: true } });
      const row = await tx.level.create({ data: { workspaceId, name: name.trim(), nameKey: nameKey(name), position: (top._max.position ?? 0) + 1 } });
      await tx.auditLogEntry.create({ data: auditRow({ ...audit, target: row.id }) });
      return toRecord(row);
    });
  }

  async rename(levelId: string, name: string, audit: AuditEntry): Promise<LevelRecord | "taken"> {
    return this.db.$transaction(async (tx) => {
      const current = await tx.level.findUniqueOrThrow({ where: { id: levelId } });
      await lockWorkspace(tx, current.workspaceId);
      const other = await tx.level.findUnique({ where: { workspaceId_nameKey: { workspaceId: current.workspaceId, nameKey: nameKey(name) } } });
      if (other && other.id !== levelId) return "taken" as const;
      const row = await tx.level.update({ where: { id: levelId }, data: { name: name.trim(), nameKey: nameKey(name) } });
      await tx.auditLogEntry.create({ data: auditRow(audit) });
      return toRecord(row);
    });
  }

  async remove(levelId: string, audit: AuditEntry): Promise<true | { members: number }> {
    return this.db.$transaction(async (tx) => {
      // The level row is locked, so nobody is given it between the count and the delete.
      await tx.$queryRaw`SELECT id FROM level WHERE id = ${levelId}::uuid FOR UPDATE`;
      const members = await tx.member.count({ where: { levelId, isBot: false, isDeactivated: false } });
      if (members > 0) return { members };
      await tx.level.delete({ where: { id: levelId } });
      await tx.auditLogEntry.create({ data: auditRow(audit) });
      return true as const;
    });
  }

  async assign(levelId: string | null, memberIds: string[], audit: AuditEntry): Promise<string[]> {
    return this.db.$transaction(async (tx) => {
      if (levelId) await tx.$queryRaw`SELECT id FROM level WHERE id = ${levelId}::uuid FOR SHARE`;
      const moving = await tx.member.findMany({
        where: { id: { in: memberIds }, ...(levelId ? { OR: [{ levelId: null }, { levelId: { not: levelId } }] } : { levelId: { not: null } }) },
        select: { id: true },
      });
      const changed = moving.map((m) => m.id);
      if (changed.length === 0) return [];
      await tx.member.updateMany({ where: { id: { in: changed } }, data: { levelId } });
      await tx.auditLogEntry.create({ data: auditRow({ ...audit, details: { ...audit.details, changed } }) });
      return changed;
    });
  }

  async setTarget(levelId: string, target: LevelTarget, updatedById: string, audit: (from: LevelTarget | null) => AuditEntry): Promise<LevelTarget | null> {
    return this.db.$transaction(async (tx) => {
      const before = await tx.levelTarget.findUnique({ where: { levelId_metric: { levelId, metric: target.metric } } });
      const from = before && isMetricCode(before.metric) ? { metric: before.metric, target: before.target, weight: before.weight } : null;
      if (from && from.target === target.target && from.weight === target.weight) return from;
      const data = { target: target.target, weight: target.weight, updatedById };
      await tx.levelTarget.upsert({ where: { levelId_metric: { levelId, metric: target.metric } }, create: { levelId, metric: target.metric, ...data }, update: data });
      await tx.auditLogEntry.create({ data: auditRow(audit(from)) });
      return from;
    });
  }

  async removeTarget(levelId: string, metric: MetricCode, audit: AuditEntry): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const { count } = await tx.levelTarget.deleteMany({ where: { levelId, metric } });
      if (count > 0) await tx.auditLogEntry.create({ data: auditRow(audit) });
      return count > 0;
    });
  }
}
