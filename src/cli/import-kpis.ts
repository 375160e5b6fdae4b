// npm run import:kpis -- file.csv --workspace <T… or id> [--partial]
// Streams the file; prints counts and bad rows with their line numbers. All or nothing: a wrong header, a bad
// row or a file over a limit (size, line length, rows; the API's defaults) imports nothing — unless --partial,
// which writes the good rows and reports the bad ones (a wrong header or a limit still imports nothing).
import { createReadStream } from "node:fs";
import { CsvHeaderError, importKpiCsv } from "../ingest/csv-import.ts";
import { CsvLimitError } from "../ingest/csv-parser.ts";
import { PrismaKpiBulkImport } from "../store/kpi-bulk-import-store.ts";
import { argValue, cliDatabase, findWorkspaceId } from "./cli-workspace.ts";

async function main(args: string[]): Promise<number> {
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--workspace");
  const workspace = argValue(args, "--workspace");
  if (!file || !workspace) {
    console.error("Usage: npm run import:kpis -- file.csv --workspace <Slack team id or Spur workspace id> [--partial]");
    return 2;
  }
  const db = cliDatabase();
  try {
    const workspaceId = await findWorkspaceId(db, workspace);
    const partial = args.includes("--partial");
    const started = Date.now();
    const result = await importKpiCsv({ bulk: new PrismaKpiBulkImport(db) }, { workspaceId, chunks: createReadStream(file), partial });
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
