// The digest benchmark's data: one workspace of `teams` teams, each with `agents` agents and one lead, eight
// weeks of kudos, two KPI targets, nine weeks of daily CSAT and first-response records per agent and weekly
// tickets handled. Built by the database itself (INSERT … SELECT over generate_series), with the bulk tables'
// secondary indexes dropped during the load and rebuilt after it, and foreign-key triggers off (the rows are
// consistent by construction) — what makes seeding millions of rows take seconds rather than minutes.
import pg from "pg";
import { previousWeek } from "../../src/core/shared/period.ts";
import { fmt } from "./machine.ts";

export interface DigestSeed {
  teams: number;
  agents: number;
  kudosPerAgentWeek: number;
  now: Date;
}

/** Seeds the data; returns what each step inserted and how long it took. */
export async function seedDigestData(databaseUrl: string, seed: DigestSeed): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const steps: string[] = [];
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const res = await client.query(sql, params);
    steps.push(`${name} ${(res.rowCount ?? 0).toLocaleString("en-US")} rows ${fmt((performance.now() - t) / 1000, 1)} s`);
  };
  const weekEnd = previousWeek(seed.now, "UTC").end;
  const lastDay = weekEnd.toISOString().slice(0, 10);
  try {
    await client.query("SET session_replication_role = replica"); // no foreign-key triggers during the load
    await client.query("SET maintenance_work_mem = '256MB'");
    const indexes = await dropSecondaryIndexes(client, ["kudos", "kpi_record"]);
    await client.query(`INSERT INTO workspace (platform, external_id) VALUES ('slack', 'TBENCH')`);
    await step(
      "teams",
      `INSERT INTO team (workspace_id, name, channel_id, time_zone, updated_at)
       SELECT w.id, 'Team ' || t, 'CT' || t, 'UTC', now() FROM workspace w, generate_series(1, $1) t`,
      [seed.teams],
    );
    // Agents 1…agents and one lead (number 0) per team; platform ids are Slack-shaped (U + capitals and digits).
    await step(
      "members",
      `INSERT INTO member (workspace_id, team_id, platform_user_id, display_name, role, updated_at)
       SELECT t.workspace_id, t.id, 'U' || t.channel_id || 'A' || a, CASE WHEN a = 0 THEN 'Lead' ELSE 'Agent ' || a END,
              (CASE WHEN a = 0 THEN 'lead' ELSE 'agent' END)::"Role", now()
       FROM team t, generate_series(0, $1) a`,
      [seed.agents],
    );
    // Each team's lead leads it (team_lead), which is whom the lead digests go to.
    await step(
      "team leads",
      `INSERT INTO team_lead (team_id, member_id) SELECT m.team_id, m.id FROM member m WHERE m.role = 'lead'`,
    );
    // Each agent gives kudosPerAgentWeek kudos a week for eight weeks to the next agent of the team, with a value tag.
    await step(
      "kudos",
      `WITH agents AS (
         SELECT id, workspace_id, team_id, row_number() OVER (PARTITION BY team_id ORDER BY id) AS i, count(*) OVER (PARTITION BY team_id) AS n
         FROM member WHERE role = 'agent'),
       pairs AS (SELECT g.id AS giver, r.id AS recipient, g.workspace_id, g.team_id FROM agents g JOIN agents r ON r.team_id = g.team_id AND r.i = g.i % g.n + 1)
       INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, "values", source, idempotency_key, created_at)
       SELECT gen_random_uuid(), p.workspace_id, p.team_id, p.giver, p.recipient, 1 + (w * 7 + n) % 3, 'helped a customer',
              ARRAY[(ARRAY['ownership','empathy','craft'])[1 + (n % 3)]], 'slash_command',
              p.giver || ':' || w || ':' || n, $2::timestamptz - make_interval(days => 7 * w + 1 + n % 6)
       FROM pairs p, generate_series(0, 7) w, generate_series(1, $1) n`,
      [seed.kudosPerAgentWeek, weekEnd],
    );
    await step(
      "kpi targets",
      `INSERT INTO kpi_target (team_id, metric, target, weight, period, min_volume, updated_at)
       SELECT t.id, k.metric, k.target, k.weight, 'week', k.min_volume, now()
       FROM team t, (VALUES ('csat', 85.0, 2.0, NULL), ('first_response_time', 30.0, 1.0, 5)) AS k(metric, target, weight, min_volume)`,
    );
    // Day by day, as a helpdesk delivers them: each day's records of every agent together. Each chart week
    // needs the one before it (nine weeks); tickets handled once a week (the awards' minimum volume).
    await step(
      "kpi records",
      `INSERT INTO kpi_record (member_id, metric, period_date, value, numerator, denominator, source, updated_at)
       SELECT m.id, k.metric, d::date,
              CASE WHEN k.metric = 'csat' THEN 100.0 * (6 + h % 5) / 10 ELSE 15 + h % 30 END,
              CASE WHEN k.metric = 'csat' THEN 6 + h % 5 END, CASE WHEN k.metric = 'csat' THEN 10 END, 'bench', now()
       FROM generate_series($1::date - 63, $1::date - 1, interval '1 day') d, member m,
            (VALUES ('csat'), ('first_response_time')) AS k(metric),
            LATERAL (SELECT abs(hashtext(m.id::text || d::text || k.metric)) AS h) x
       WHERE m.role = 'agent'
       UNION ALL
       SELECT m.id, 'tickets_handled', d::date, 5 + abs(hashtext(m.id::text || d::text)) % 20, NULL, NULL, 'bench', now()
       FROM generate_series($1::date - 63, $1::date - 1, interval '7 days') d, member m
       WHERE m.role = 'agent'`,
      [lastDay],
    );
    let t = performance.now();
    for (const sql of indexes) await client.query(sql);
    steps.push(`${indexes.length} indexes rebuilt ${fmt((performance.now() - t) / 1000, 1)} s`);
    await client.query("RESET session_replication_role");
    // Loaded without triggers, so the rollups are computed from raw data once, as `npm run rollups:rebuild` does.
    t = performance.now();
    await client.query("SELECT spur_rebuild_rollups()");
    steps.push(`rollups rebuilt ${fmt((performance.now() - t) / 1000, 1)} s`);
    // As autovacuum would have left a live database: statistics, visibility map and hint bits in place.
    t = performance.now();
    await client.query("VACUUM ANALYZE");
    steps.push(`vacuum analyze ${fmt((performance.now() - t) / 1000, 1)} s`);
  } finally {
    await client.end();
  }
  return steps;
}

/** Drops the tables' indexes other than primary keys; returns the statements that recreate them. */
export async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisprimary`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.def);
}
