import { isMetricCode } from "../core/kpi/kpi-catalogue.ts";
import type { KpiTarget, KpiTargetRepository } from "../core/kpi/kpi-ports.ts";
import type { MetricCode } from "../core/kpi/kpi-catalogue.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import type { MemberLevel } from "../core/kpi/effective-targets.ts";
import { isPeriodKind } from "../core/shared/review-period.ts";
import { audited, type Tx } from "./audited.ts";
import type { Db } from "./prisma.ts";

async function upsertTarget(tx: Tx, teamId: string, t: KpiTarget, updatedById: string): Promise<void> {
  const data = { target: t.target, weight: t.weight, period: t.period, minVolume: t.minVolume, updatedById };
  await tx.kpiTarget.upsert({ where: { teamId_metric: { teamId, metric: t.metric } }, create: { teamId, metric: t.metric, ...data }, update: data });
}

export class PrismaKpiTargetStore implements KpiTargetRepository {
  constructor(private readonly db: Db) {}

  async forTeam(teamId: string): Promise<KpiTarget[]> {
    const rows = await this.db.kpiTarget.findMany({ where: { teamId }, orderBy: { metric: "asc" } });
    return rows.flatMap((r) =>
      isMetricCode(r.metric) ? [{ metric: r.metric, target: r.target, weight: r.weight, period: isPeriodKind(r.period) ? r.period : "month", minVolume: r.minVolume }] : [],
    );
  }

  async levelsOf(memberIds: readonly string[]): Promise<Map<string, MemberLevel>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db.member.findMany({
      where: { id: { in: [...memberIds] }, levelId: { not: null } },
      select: { id: true, level: { select: { id: true, name: true, targets: { orderBy: { metric: "asc" } } } } },
    });
    return new Map(
      rows.flatMap((r) => {
        if (!r.level) return [];
        const targets = r.level.targets.flatMap((t) => (isMetricCode(t.metric) ? [{ metric: t.metric, target: t.target, weight: t.weight }] : []));
        return [[r.id, { levelId: r.level.id, name: r.level.name, targets }]];
      }),
    );
  }

  async set(teamId: string, t: KpiTarget, updatedById: string): Promise<void> {
    await upsertTarget(this.db, teamId, t, updatedById);
  }

  async change(teamId: string, change: { set: KpiTarget[]; remove: MetricCode[] }, updatedById: string, audit: AuditEntry[]): Promise<MetricCode[]> {
    return audited(
      this.db,
      async (tx) => {
        for (const target of change.set) await upsertTarget(tx, teamId, target, updatedById);
        const removed: MetricCode[] = [];
        for (const metric of change.remove) if ((await tx.kpiTarget.deleteMany({ where: { teamId, metric } })).count > 0) removed.push(metric);
        return removed;
      },
      () => audit,
    );
  }
}
