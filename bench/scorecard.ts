// Benchmark: /scorecard computation at scale, next to one hand-written SQL statement (CSV import: bench/import.ts).
//   npx tsx bench/scorecard.ts [--scale 1]      (scale 1 = 10,000 members, 1,000,000 kudos, 5,000,000 KPI records)
// Seeds its own database (spur_bench_kpi) with generate_series: nothing is committed or downloaded.
//   --keep leaves the database in place, --reuse measures a kept one without seeding again.
import { execFileSync } from "node:child_process";
import pg from "pg";
import { METRICS } from "../src/core/kpi/kpi-catalogue.ts";
import type { Member } from "../src/core/shared/model.ts";
import { systemClock } from "../src/core/shared/ports.ts";
import { periodByKey } from "../src/core/shared/review-period.ts";
import { buildScorecard } from "../src/core/kpi/scorecard.ts";
import { PrismaFeedbackStore } from "../src/store/feedback-store.ts";
import { PrismaKpiStore } from "../src/store/kpi-store.ts";
import { PrismaKpiTargetStore } from "../src/store/kpi-target-store.ts";
import { PrismaKudosStore } from "../src/store/kudos-store.ts";
import { toMember } from "../src/store/mappers.ts";
import { createPrisma } from "../src/store/prisma.ts";
import { PrismaRecognitionSettingsStore } from "../src/store/recognition-settings-store.ts";
import { PrismaScorecardReads } from "../src/store/scorecard-reads-store.ts";
import { seedKpiBench } from "./support/kpi-seed.ts";
import { describeMachine } from "./support/machine.ts";

const ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
const DB = "spur_bench_kpi";
const URL_ = ADMIN_URL.replace(/\/postgres$/, `/${DB}`);
const scaleArg = process.argv.indexOf("--scale");
const SCALE = scaleArg > 0 ? Number(process.argv[scaleArg + 1]) : 1;
const MEMBERS = Math.round(10_000 * SCALE);
const KUDOS = Math.round(1_000_000 * SCALE);
const KPI_RECORDS = Math.round(5_000_000 * SCALE);
const TEAM_SIZE = 20;
const SAMPLES = 200;
const KEEP = process.argv.includes("--keep");
const REUSE = process.argv.includes("--reuse");

/** Wraps every method of `target` to add its wall time to `into` (per "port.method"). */
function timedPort<T extends object>(name: string, target: T, into: Map<string, number[]>): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver) as unknown;
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
        } finally {
          const label = `${name}.${String(key)}`;
          into.set(label, [...(into.get(label) ?? []), performance.now() - start]);
        }
      };
    },
  });
}

const log = (line: string) => process.stdout.write(`${line}\n`);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The whole scorecard for one member and month in one statement, its rules taken from the same catalogue. */
function handWrittenScorecardSql(): string {
  const catalogue = [...METRICS.values()]
    .map((d) => `('${d.code}', '${d.aggregation}', '${d.direction}', ${d.minVolume})`)
    .join(", ");
  return `
    WITH cat(metric, aggregation, direction, min_volume) AS (VALUES ${catalogue}),
    team_members AS (SELECT id FROM member WHERE team_id = $1 AND NOT is_bot AND NOT is_deactivated),
    recs AS (
      SELECT k.member_id, k.metric, k.value, k.numerator, k.denominator, k.period_date >= $3::date AS current
      FROM kpi_record k WHERE k.member_id IN (SELECT id FROM team_members) AND k.period_date >= $4::date AND k.period_date < $5::date),
    agg AS (
      SELECT r.member_id, r.metric, r.current, c.direction, c.min_volume,
        CASE c.aggregation
          WHEN 'ratio' THEN 100 * sum(r.numerator) FILTER (WHERE r.denominator IS NOT NULL) / nullif(sum(r.denominator) FILTER (WHERE r.numerator IS NOT NULL), 0)
          WHEN 'median' THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY r.value)
          WHEN 'mean' THEN sum(r.value * coalesce(r.denominator, 1)) / nullif(sum(coalesce(r.denominator, 1)), 0)
          ELSE sum(r.value) END AS value,
        CASE c.aggregation WHEN 'ratio' THEN coalesce(sum(r.denominator) FILTER (WHERE r.numerator IS NOT NULL), 0)
          WHEN 'mean' THEN sum(coalesce(r.denominator, 1)) ELSE count(*) END AS volume
      FROM recs r JOIN cat c USING (metric) GROUP BY r.member_id, r.metric, r.current, c.aggregation, c.direction, c.min_volume),
    scored AS (
      SELECT a.*, t.weight, t.target,
        CASE WHEN a.value IS NOT NULL AND a.volume >= coalesce(t.min_volume, a.min_volume) AND t.target IS NOT NULL THEN
          least(1, greatest(0, CASE WHEN a.direction = 'higher' THEN a.value / nullif(t.target, 0)
                                    WHEN a.value <= 0 THEN 1 ELSE t.target / a.value END)) END AS attainment
      FROM agg a LEFT JOIN kpi_target t ON t.team_id = $1 AND t.metric = a.metric),
    composite AS (
      SELECT member_id, 100 * sum(weight * attainment) / nullif(sum(weight), 0) AS score
      FROM scored WHERE current AND attainment IS NOT NULL AND weight > 0 GROUP BY member_id),
    ranked AS (SELECT member_id, score, rank() OVER (ORDER BY score DESC) AS rank, count(*) OVER () AS of FROM composite),
    medians AS (
      SELECT metric, percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS team_median
      FROM scored WHERE current AND value IS NOT NULL AND volume >= min_volume GROUP BY metric),
    kudos_now AS (
      SELECT count(*) FILTER (WHERE source <> 'customer') AS peer, sum(points) FILTER (WHERE source <> 'customer') AS points,
             count(*) FILTER (WHERE source = 'customer') AS customer
      FROM kudos WHERE recipient_id = $2 AND created_at >= $6 AND created_at < $7 AND revoked_at IS NULL)
    SELECT s.metric, s.value, s.attainment, p.value AS previous, md.team_median, r.score, r.rank, r.of, k.peer, k.points, k.customer
    FROM scored s
    LEFT JOIN scored p ON p.member_id = s.member_id AND p.metric = s.metric AND NOT p.current
    LEFT JOIN medians md ON md.metric = s.metric
    LEFT JOIN ranked r ON r.member_id = s.member_id
    CROSS JOIN kudos_now k
    WHERE s.member_id = $2 AND s.current`;
}

async function main(): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (!REUSE) {
    await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB}`);
  }
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: URL_, CHECKPOINT_DISABLE: "1" }, stdio: "ignore" });
  const db = new pg.Client({ connectionString: URL_ });
  await db.connect();
  const prisma = createPrisma(URL_, { poolSize: 4 });
  try {
    log(await describeMachine(URL_));
    if (!REUSE) {
      log(`Seeding (scale ${SCALE}):`);
      await seedKpiBench(db, { members: MEMBERS, teamSize: TEAM_SIZE, kudos: KUDOS, kpiRecords: KPI_RECORDS }, log);
    }

    const period = periodByKey("2026-11", "UTC");
    const previous = periodByKey("2026-10", "UTC");
    if (!period || !previous) throw new Error("bad period");
    const reads = new Map<string, number[]>();
    const deps = {
      kudos: timedPort("kudos", new PrismaKudosStore(prisma), reads),
      kpis: timedPort("kpis", new PrismaKpiStore(prisma), reads),
      scorecardReads: timedPort("scorecardReads", new PrismaScorecardReads(prisma), reads),
      kpiTargets: timedPort("kpiTargets", new PrismaKpiTargetStore(prisma), reads),
      feedback: timedPort("feedback", new PrismaFeedbackStore(prisma), reads),
      recognitionSettings: timedPort("recognitionSettings", new PrismaRecognitionSettingsStore(prisma), reads),
      clock: systemClock,
    };
    const sample = (await prisma.member.findMany({ take: SAMPLES, orderBy: { platformUserId: "asc" }, include: { team: true } })).map((row) => ({
      member: toMember(row) as Member,
      team: { id: row.team!.id, workspaceId: row.workspaceId, name: row.team!.name, channelId: null, timeZone: "UTC", digestDay: 1, digestMinuteOfDay: 540 },
    }));
    const spur: number[] = [];
    const sql: number[] = [];
    const statement = handWrittenScorecardSql();
    for (const { member, team } of sample) {
      let start = performance.now();
      await buildScorecard(deps, { viewer: member, subject: member, team, period, teamsLed: [] });
      spur.push(performance.now() - start);
      start = performance.now();
      await db.query(statement, [team.id, member.id, "2026-11-01", "2026-10-01", "2026-12-01", period.start, period.end]);
      sql.push(performance.now() - start);
    }
    spur.sort((a, b) => a - b);
    sql.sort((a, b) => a - b);
    log(`\n/scorecard month, ${SAMPLES} members (team of ${TEAM_SIZE}):`);
    log(`  Spur buildScorecard      p50 ${percentile(spur, 50).toFixed(1)} ms   p95 ${percentile(spur, 95).toFixed(1)} ms`);
    log(`  one hand-written SQL     p50 ${percentile(sql, 50).toFixed(1)} ms   p95 ${percentile(sql, 95).toFixed(1)} ms`);
    const p95 = percentile(spur, 95);
    const base = percentile(sql, 95);
    log(`  Spur p95 ÷ the statement's p95: ${(p95 / base).toFixed(2)}× (target ≤ 1.5×), p95 ${p95.toFixed(1)} ms (target ≤ 20 ms)`);
    log(`  the scorecard's reads (each call's wall time, p50 / p95; they run concurrently):`);
    for (const [label, times] of [...reads].sort((a, b) => a[0].localeCompare(b[0]))) {
      times.sort((a, b) => a - b);
      log(`    ${label.padEnd(40)} ${String(times.length / SAMPLES).padStart(3)}× per card   ${percentile(times, 50).toFixed(1)} / ${percentile(times, 95).toFixed(1)} ms`);
    }

  } finally {
    await prisma.$disconnect();
    await db.end();
    if (!KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
