// npm run import:kpis -- file.csv --workspace <T… or id>
// Streams the file; prints counts and bad rows with their line numbers. All or nothing: a wrong header, a bad
// row or a file over a limit (size, line length, rows; the API's defaults) imports nothing.
import { createReadStream } from "node:fs";
import { CsvHeaderError, importKpiCsv } from "../ingest/csv-import.ts";
import { CsvLimitError } from "../ingest/csv-parser.ts";
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
    if (!result.imported) process.stdout.write("Nothing was imported: fix the rows above and import the whole file again.\n");
    return result.imported ? 0 : 1;
  } catch (err) {
    if (err instanceof CsvLimitError) {
      console.error(err.message);
      return 1;
    }
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
