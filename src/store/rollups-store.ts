// The rollups' maintenance: triggers keep kpi_day and kudos_day current (see the migration rollups); this
// recomputes them from raw data in one transaction.
import type { Db } from "./prisma.ts";

export class PrismaRollups {
  constructor(private readonly db: Db) {}

  async rebuild(): Promise<{ kpiDays: number; kudosDays: number }> {
    const [row] = await this.db.$queryRaw<{ kpi_days: bigint; kudos_days: bigint }[]>`SELECT * FROM spur_rebuild_rollups()`;
    return { kpiDays: Number(row?.kpi_days ?? 0), kudosDays: Number(row?.kudos_days ?? 0) };
  }
}
