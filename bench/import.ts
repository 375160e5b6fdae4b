// Benchmark: the KPI CSV import (issue 16) beside COPY into a staging table and COPY plus one INSERT … SELECT
// into kpi_record, in the same run and from the same table state; then what each secondary index of kpi_record
// costs on insert (import rate without it) and buys on reads (the scorecard, digest, member and export reads
// without it).
//   npx tsx bench/import.ts [--scale 1] [--rounds 2] [--no-index-review]
//   (scale 1 = 10,000 members, 5,000,000 KPI records, a CSV of 1,000,000 rows)
// Seeds its own database with generate_series: nothing is committed or downloaded.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import pg from "pg";
import { importKpiCsv } from "../src/ingest/csv-import.ts";
import { periodByKey } from "../src/core/shared/review-period.ts";
import { PrismaDataExportStore } from "../src/store/data-export-store.ts";
import { PrismaDigestReads } from "../src/store/digest-reads-store.ts";
import { PrismaKpiBulkImport } from "../src/store/kpi-bulk-import-store.ts";
import { PrismaKpiStore } from "../src/store/kpi-store.ts";
import { createPrisma, type Db } from "../src/store/prisma.ts";
import { PrismaScorecardReads } from "../src/store/scorecard-reads-store.ts";
import { createBenchEnv } from "./support/bench-env.ts";
import { BENCH_WORKSPACE, seedKpiBench } from "./support/kpi-seed.ts";
import { describeMachine, fmt, percentile } from "./support/machine.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCALE = arg("--scale", 1);
const ROUNDS = arg("--rounds", 1);
const INDEX_REVIEW = !process.argv.includes("--no-index-review");
const MEMBERS = Math.round(10_000 * SCALE);
const KPI_RECORDS = Math.round(5_000_000 * SCALE);
const CSV_ROWS = Math.round(1_000_000 * SCALE);
/** Rows of the import each index variant is measured with. */
const SAMPLE_ROWS = Math.max(10_000, Math.round(CSV_ROWS / 5));
const READ_SAMPLES = 40;
const CSV_FILE = `/tmp/spur-bench-import-${process.pid}.csv`;
const SAMPLE_FILE = `/tmp/spur-bench-import-sample-${process.pid}.csv`;

const DROPPED_INDEXES = [
  ["kpi_record_metric_period_date_idx", "metric, period_date"],
  ["kpi_record_member_id_period_date_idx", "member_id, period_date"],
] as const;

const log = (line: string) => process.stdout.write(`${line}\n`);
const rate = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`;

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("member_email,metric,date,value,numerator,denominator,ref\n");
  for (let i = 1; i <= rows; i++) {
    const who = 1 + ((i * 31) % MEMBERS);
    const day = String(1 + (i % 28)).padStart(2, "0");
    const line =
      i % 2 === 0
        ? `agent${who}@bench.test,csat,2026-12-${day},,${i % 5},4,csv-${i}\n`
        : `agent${who}@bench.test,first_response_time,2026-12-${day},${5 + (i % 60)},,,csv-${i}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Spur's import of `file`, which must be written whole; seconds. */
async function spurImport(prisma: Db, file: string, rows: number): Promise<number> {
  const start = performance.now();
  const result = await importKpiCsv({ bulk: new PrismaKpiBulkImport(prisma) }, {
    workspaceId: BENCH_WORKSPACE,
    chunks: createReadStream(file),
    // A million rows is past the HTTP endpoint's default limits (CSV_MAX_BYTES, CSV_MAX_ROWS).
    limits: { maxBytes: Number.POSITIVE_INFINITY, maxRows: Number.POSITIVE_INFINITY },
  });
  const seconds = (performance.now() - start) / 1000;
  if (!result.imported || result.inserted !== rows) throw new Error(`import wrote ${result.inserted} of ${rows} rows (${result.rejected} rejected)`);
  return seconds;
}

/** COPY into a staging table, then one INSERT … SELECT into kpi_record (members joined by email, no other check). */
async function copyBaseline(db: pg.Client, file: string): Promise<{ copy: number; total: number }> {
  await db.query(`CREATE UNLOGGED TABLE stage (member_email text, metric text, date date, value float8, numerator float8, denominator float8, ref text)`);
  try {
    const start = performance.now();
    await db.query(`COPY stage FROM '${file}' WITH (FORMAT csv, HEADER true)`);
    const copy = (performance.now() - start) / 1000;
    await db.query(
      `INSERT INTO kpi_record (member_id, metric, period_date, value, numerator, denominator, source, ref, updated_at)
       SELECT m.id, s.metric, s.date, coalesce(s.value, 100 * s.numerator / s.denominator), s.numerator, s.denominator, 'csv', s.ref, now()
       FROM stage s JOIN member m ON m.email = s.member_email
       ON CONFLICT (member_id, metric, period_date, source, ref) DO NOTHING`,
    );
    return { copy, total: (performance.now() - start) / 1000 };
  } finally {
    await db.query("DROP TABLE stage");
  }
}

/** Back to the seeded state: the imported rows gone and their space reusable, nothing dirty in memory. */
async function reset(db: pg.Client): Promise<void> {
  await db.query(`DELETE FROM kpi_record WHERE source = 'csv'`);
  await db.query("VACUUM ANALYZE kpi_record");
  await db.query("CHECKPOINT");
}

type Read = { name: string; run: (i: number) => Promise<unknown> };

async function readsOf(prisma: Db, db: pg.Client): Promise<Read[]> {
  const teams = (await db.query<{ id: string }>(`SELECT id FROM team ORDER BY name LIMIT $1`, [READ_SAMPLES])).rows.map((r) => r.id);
  const members = (await db.query<{ id: string }>(`SELECT id FROM member ORDER BY platform_user_id LIMIT $1`, [READ_SAMPLES])).rows.map((r) => r.id);
  const month = periodByKey("2026-11", "UTC");
  if (!month) throw new Error("bad period");
  const scorecard = new PrismaScorecardReads(prisma);
  const digest = new PrismaDigestReads(prisma);
  const kpis = new PrismaKpiStore(prisma);
  const exports = new PrismaDataExportStore(prisma);
  const at = <T>(list: T[], i: number) => list[i % list.length] as T;
  return [
    { name: "scorecard: team's records, a month", run: (i) => scorecard.teamRecords(at(teams, i), "2026-11-01", "2026-12-01") },
    { name: "scorecard: team's members then", run: (i) => scorecard.teamMembers(at(teams, i), { range: month, from: "2026-11-01", toExclusive: "2026-12-01" }) },
    { name: "digest: team's records, 9 weeks", run: (i) => digest.teamRecordsBetween(at(teams, i), "2026-09-28", "2026-11-30") },
    { name: "member's observations, a month", run: (i) => kpis.observations(at(members, i), "2026-11-01", "2026-12-01") },
    {
      name: "export: first page of a month",
      run: async () => {
        for await (const _row of exports.kpiRecords(BENCH_WORKSPACE, { from: "2026-11-01", toExclusive: "2026-12-01" })) return _row;
      },
    },
  ];
}

/** p50 of each read, in ms. */
async function timeReads(reads: Read[]): Promise<number[]> {
  const out: number[] = [];
  for (const read of reads) {
    await read.run(0);
    const times: number[] = [];
    for (let i = 0; i < READ_SAMPLES; i++) {
      const start = performance.now();
      await read.run(i);
      times.push(performance.now() - start);
    }
    out.push(percentile(times.sort((a, b) => a - b), 50));
  }
  return out;
}

async function main(): Promise<void> {
  const env = await createBenchEnv("import");
  const db = new pg.Client({ connectionString: env.databaseUrl });
  await db.connect();
  const prisma = createPrisma(env.databaseUrl, { poolSize: 4 });
  try {
    log(await describeMachine(env.databaseUrl));
    log(`Seeding (scale ${SCALE}):`);
    await seedKpiBench(db, { members: MEMBERS, teamSize: 20, kudos: Math.round(100_000 * SCALE), kpiRecords: KPI_RECORDS }, log);
    await writeCsv(CSV_FILE, CSV_ROWS);
    await db.query("CHECKPOINT");

    log(`\nCSV import of ${CSV_ROWS.toLocaleString("en-US")} rows into ${KPI_RECORDS.toLocaleString("en-US")} records, ${ROUNDS} round(s), each from the same state:`);
    let spurTotal = 0;
    let baseTotal = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating the order, so neither side always runs on a warmer cache.
      for (const side of round % 2 === 0 ? ["spur", "base"] : ["base", "spur"]) {
        if (side === "spur") {
          const seconds = await spurImport(prisma, CSV_FILE, CSV_ROWS);
          spurTotal += seconds;
          log(`  Spur importKpiCsv (every row checked)  ${rate(CSV_ROWS, seconds)} (${fmt(seconds)} s)`);
        } else {
          const { copy, total } = await copyBaseline(db, CSV_FILE);
          baseTotal += total;
          log(`  COPY into a staging table             ${rate(CSV_ROWS, copy)} (${fmt(copy)} s)`);
          log(`  COPY + one INSERT … SELECT             ${rate(CSV_ROWS, total)} (${fmt(total)} s, no per-row check)`);
        }
        await reset(db);
      }
    }
    log(`  Spur ÷ (COPY + INSERT … SELECT): ${fmt(baseTotal / spurTotal, 2)}× (target ≥ 0.90×)`);

    if (INDEX_REVIEW) await indexReview(prisma, db);
  } finally {
    await rm(CSV_FILE, { force: true });
    await rm(SAMPLE_FILE, { force: true });
    await prisma.$disconnect();
    await db.end();
    await env.cleanup();
  }
}

async function indexReview(prisma: Db, db: pg.Client): Promise<void> {
  await writeCsv(SAMPLE_FILE, SAMPLE_ROWS);
  const { rows: indexes } = await db.query<{ name: string; def: string; required: string | null }>(
    `SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS def,
            CASE WHEN x.indisprimary THEN 'the primary key' WHEN x.indisunique THEN 'the upsert''s ON CONFLICT key' END AS required
     FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE x.indrelid = 'kpi_record'::regclass ORDER BY c.relname`,
  );
  const reads = await readsOf(prisma, db);
  const sample = async () => {
    const seconds = await spurImport(prisma, SAMPLE_FILE, SAMPLE_ROWS);
    await reset(db);
    return SAMPLE_ROWS / seconds;
  };
  const withAll = { rate: await sample(), reads: await timeReads(reads) };
  log(`\nIndexes of kpi_record: import of ${SAMPLE_ROWS.toLocaleString("en-US")} rows and read p50s (${READ_SAMPLES} samples), without each index and with each dropped one added back`);
  const readNames = reads.map((r) => r.name);
  log(`  as migrated: import ${Math.round(withAll.rate).toLocaleString("en-US")} rows/s; ${readNames.map((name, i) => `${name} ${fmt(withAll.reads[i] ?? NaN, 2)} ms`).join("; ")}`);
  const compare = (label: string, other: { rate: number; reads: number[] }) => {
    const reads = readNames.map((name, i) => `${name} ${fmt(other.reads[i] ?? NaN, 2)} ms (${fmt((other.reads[i] ?? 0) / (withAll.reads[i] ?? 1), 1)}×)`);
    log(`  ${label}: import ${Math.round(other.rate).toLocaleString("en-US")} rows/s (${fmt(other.rate / withAll.rate, 2)}×); ${reads.join("; ")}`);
  };
  for (const index of indexes) {
    if (index.required) {
      log(`  ${index.name}: kept, it is ${index.required}`);
      continue;
    }
    await db.query(`DROP INDEX "${index.name}"`);
    try {
      compare(`without ${index.name}`, { rate: await sample(), reads: await timeReads(reads) });
    } finally {
      await db.query(index.def);
      await db.query("ANALYZE kpi_record");
    }
  }
  // Indexes the table had once (dropped by the migration kpi_record_indexes_that_pay), measured added back.
  for (const [name, columns] of DROPPED_INDEXES) {
    await db.query(`CREATE INDEX "${name}" ON kpi_record (${columns})`);
    await db.query("ANALYZE kpi_record");
    try {
      compare(`with ${name} (${columns}) added`, { rate: await sample(), reads: await timeReads(reads) });
    } finally {
      await db.query(`DROP INDEX "${name}"`);
    }
  }
}

await main();
