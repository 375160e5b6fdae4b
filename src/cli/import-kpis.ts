// npm run import:kpis -- file.csv --workspace <T… or id>
// Streams the file in batches; prints counts and bad rows with their line numbers. A wrong header imports nothing.
import { createReadStream } from "node:fs";
import { CsvHeaderError, importKpiCsv } from "../ingest/csv-import.ts";
import { PrismaKpiIngestStore } from "../store/kpi-ingest-store.ts";
import { argValue, cliDatabase, findWorkspaceId } from "./cli-workspace.ts";

async function main(args: string[]): Promise<number> {
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--workspace");
  const workspace = argValue(args, "--workspace");
  if (!file || !workspace) {
    console.error("Usage: npm run import:kpis -- file.csv --workspace <Slack team id or Spur workspace id>");
    return 2;
  }
  const db = cliDatabase();
  try {
    const workspaceId = await findWorkspaceId(db, workspace);
    const store = new PrismaKpiIngestStore(db);
    const started = Date.now();
    const result = await importKpiCsv({ members: store, writer: store }, { workspaceId, chunks: createReadStream(file) });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${result.rows} rows in ${seconds.toFixed(1)} s: ${result.inserted} inserted, ${result.updated} updated, ` +
        `${result.unchanged} unchanged, ${result.rejected} rejected.\n`,
    );
    for (const r of result.rejections) process.stdout.write(`  line ${r.index}: ${r.reason}\n`);
    if (result.truncated) process.stdout.write("  … more rejected rows not listed.\n");
    return result.rejected > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof CsvHeaderError) {
      console.error(`${err.message} Nothing was imported.`);
      return 1;
    }
    throw err;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
