import type { KpiObservation } from "../core/shared/model.ts";
import type { KpiRepository } from "../core/shared/ports.ts";
import type { Db } from "./prisma.ts";

export class PrismaKpiStore implements KpiRepository {
  constructor(private readonly db: Db) {}

  /** Observations with fromDate <= period_date < toDateExclusive (local calendar dates, YYYY-MM-DD). */
  async observations(memberId: string, fromDate: string, toDateExclusive: string): Promise<KpiObservation[]> {
    const rows = await this.db.kpiRecord.findMany({
      where: { memberId, periodDate: { gte: new Date(`${fromDate}T00:00:00Z`), lt: new Date(`${toDateExclusive}T00:00:00Z`) } },
      orderBy: [{ metric: "asc" }, { periodDate: "asc" }, { source: "asc" }],
    });
    return rows.map((r) => ({
      metric: r.metric,
      periodDate: r.periodDate.toISOString().slice(0, 10),
      value: r.value,
      source: r.source,
    }));
  }
}
