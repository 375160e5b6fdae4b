// The KPI benchmarks' data (bench/scorecard.ts, bench/import.ts): one workspace of `members` agents in teams of
// `teamSize`, `kudos` kudos over a year and `kpiRecords` daily KPI records of six ingested metrics, with
// targets — built by the database itself (INSERT … SELECT over generate_series).
import type pg from "pg";
import { dropSecondaryIndexes } from "./digest-seed.ts";

export const BENCH_WORKSPACE = "00000000-0000-4000-8000-000000000001";
export const INGESTED = ["csat", "first_response_time", "resolution_time", "fcr", "qa_score", "tickets_handled"];

export interface KpiBenchSize {
  members: number;
  teamSize: number;
  kudos: number;
  kpiRecords: number;
}

export async function seedKpiBench(db: pg.Client, size: KpiBenchSize, log: (line: string) => void): Promise<void> {
  const { members: MEMBERS, kudos: KUDOS, kpiRecords: KPI_RECORDS } = size;
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  // Loaded without the bulk tables' secondary indexes and triggers (rebuilt after; team_id set as the trigger would).
  await db.query("SET session_replication_role = replica");
  await db.query("SET maintenance_work_mem = '256MB'");
  const indexes = await dropSecondaryIndexes(db, ["kudos", "kpi_record"]);
  await db.query(`INSERT INTO workspace (id, platform, external_id) VALUES ('00000000-0000-4000-8000-000000000001', 'slack', 'TBENCH')`);
  await db.query(
    `INSERT INTO team (workspace_id, name, is_default, updated_at)
     SELECT '00000000-0000-4000-8000-000000000001', 'team ' || t, t = 1, now() FROM generate_series(1, $1) t`,
    [Math.ceil(MEMBERS / size.teamSize)],
  );
  await timed(`${MEMBERS} members`, () =>
    db.query(
      `INSERT INTO member (workspace_id, team_id, platform_user_id, display_name, handle, email, updated_at)
       SELECT '00000000-0000-4000-8000-000000000001', (SELECT id FROM team WHERE name = 'team ' || ((i - 1) / $2 + 1)),
              'U' || i, 'agent ' || i, 'agent' || i, 'agent' || i || '@bench.test', now()
       FROM generate_series(1, $1) i`,
      [MEMBERS, size.teamSize],
    ),
  );
  await db.query(`CREATE TEMP TABLE m AS SELECT row_number() OVER (ORDER BY platform_user_id) AS n, id, team_id FROM member`);
  await db.query(`CREATE INDEX ON m (n)`);
  await timed(`${KUDOS} kudos`, () =>
    db.query(
      `INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, "values", source, idempotency_key, created_at)
       SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', r.team_id, g.id, r.id, 1 + i % 5, 'bench',
              ARRAY[(ARRAY['ownership','empathy','craft'])[1 + i % 3]], 'slash_command', 'bench:' || i,
              timestamptz '2026-11-30' - (i % 365) * interval '1 day' - (i % 1440) * interval '1 minute'
       FROM generate_series(1::bigint, $1) i
       JOIN m r ON r.n = 1 + (i * 7919) % $2
       JOIN m g ON g.n = 1 + (i * 104729) % $2`,
      [KUDOS, MEMBERS],
    ),
  );
  await timed(`${KPI_RECORDS} KPI records`, () =>
    db.query(
      `INSERT INTO kpi_record (member_id, team_id, metric, period_date, value, numerator, denominator, source, ref, updated_at)
       SELECT m.id, m.team_id, k.metric, date '2026-11-30' - (i % 365),
              CASE k.metric WHEN 'csat' THEN 100.0 * (i % 5) / 4 WHEN 'fcr' THEN 100.0 * (i % 4) / 3
                            WHEN 'first_response_time' THEN 5 + i % 90 WHEN 'resolution_time' THEN 1 + i % 48
                            WHEN 'qa_score' THEN 60 + i % 41 ELSE 1 END,
              CASE WHEN k.metric = 'csat' THEN i % 5 WHEN k.metric = 'fcr' THEN i % 4 END,
              CASE WHEN k.metric = 'csat' THEN 4 WHEN k.metric = 'fcr' THEN 3 END,
              'bench', i::text, now()
       FROM generate_series(1, $1) i
       JOIN m ON m.n = 1 + i % $2
       CROSS JOIN LATERAL (SELECT ($3::text[])[1 + (i / $2) % 6] AS metric) k`,
      [KPI_RECORDS, MEMBERS, INGESTED],
    ),
  );
  await db.query(
    `INSERT INTO kpi_target (team_id, metric, target, weight, period, updated_at)
     SELECT t.id, x.metric, x.target, x.weight, 'month', now() FROM team t
     CROSS JOIN (VALUES ('csat', 90, 2), ('first_response_time', 30, 1), ('resolution_time', 24, 1), ('qa_score', 85, 1)) x(metric, target, weight)`,
  );
  await timed(`${indexes.length} indexes rebuilt`, async () => {
    for (const sql of indexes) await db.query(sql);
  });
  await db.query("SET session_replication_role = DEFAULT");
  // Loaded without triggers, so the rollups are computed from raw data once, as `npm run rollups:rebuild` does.
  await timed("rollups rebuilt", () => db.query("SELECT spur_rebuild_rollups()"));
  await db.query("DROP TABLE m");
  await timed("VACUUM ANALYZE", () => db.query("VACUUM ANALYZE"));
}
