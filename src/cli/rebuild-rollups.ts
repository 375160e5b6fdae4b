// npm run rollups:rebuild   Recomputes the rollups (kpi_day, kudos_day) from the raw KPI records and kudos,
// as one transaction: after a bulk load that bypassed the triggers, or to check them. Writes to kpi_record and
// kudos wait while it runs; reads do not.
import { cliDatabase } from "./cli-workspace.ts";
import { PrismaRollups } from "../store/rollups-store.ts";

async function main(): Promise<number> {
  const db = cliDatabase();
  try {
    const started = performance.now();
    const { kpiDays, kudosDays } = await new PrismaRollups(db).rebuild();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Rebuilt the rollups from raw data in ${seconds} s: ${kpiDays} KPI member-days, ${kudosDays} kudos member-days.\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
