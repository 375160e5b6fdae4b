import { isMetricCode } from "../core/kpi/kpi-catalogue.ts";
import type { KpiTarget, KpiTargetRepository } from "../core/kpi/kpi-ports.ts";
import type { MetricCode } from "../core/kpi/kpi-catalogue.ts";
import { isPeriodKind } from "../core/shared/review-period.ts";
import type { Db } from "./prisma.ts";

export class PrismaKpiTargetStore implements KpiTargetRepository {
  constructor(private readonly db: Db) {}

  async forTeam(teamId: string): Promise<KpiTarget[]> {
    const rows = await this.db.kpiTarget.findMany({ where: { teamId }, orderBy: { metric: "asc" } });
    return rows.flatMap((r) =>
      isMetricCode(r.metric) ? [{ metric: r.metric, target: r.target, weight: r.weight, period: isPeriodKind(r.period) ? r.period : "month", minVolume: r.minVolume }] : [],
    );
  }

  async set(teamId: string, t: KpiTarget, updatedById: string): Promise<void> {
    const data = { target: t.target, weight: t.weight, period: t.period, minVolume: t.minVolume, updatedById };
    await this.db.kpiTarget.upsert({
      where: { teamId_metric: { teamId, metric: t.metric } },
      create: { teamId, metric: t.metric, ...data },
      update: data,
    });
  }

  async remove(teamId: string, metric: MetricCode): Promise<boolean> {
    const { count } = await this.db.kpiTarget.deleteMany({ where: { teamId, metric } });
    return count > 0;
  }
}
