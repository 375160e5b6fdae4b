// Benchmark: weekly digests for 1,000 teams × 20 agents over eight weeks of seeded kudos and nine weeks of
// daily KPI records against two targets per team.
//  1. compute: composeWeeklyDigest for every team (the data each digest needs), reported as teams/s;
//  2. post: the real job pipeline (BullMQ workers, posting budget, fake Slack API) posting every digest,
//     with its chart, reported as the achieved rate next to the configured budget.
//   npx tsx bench/digests.ts [--teams 1000] [--agents 20] [--kudos-per-agent-week 3] [--rate 50]
import { parseArgs } from "node:util";
import pg from "pg";
import { parseConfig } from "../src/config.ts";
import { composeWeeklyDigest } from "../src/core/digest.ts";
import { previousWeek } from "../src/core/period.ts";
import { WEEKLY_DIGEST_JOB } from "../src/jobs/weekly-digest.ts";
import { createLogger } from "../src/logger.ts";
import { createSpur } from "../src/spur.ts";
import { FakeSlackApi } from "../test/support/fake-slack-api.ts";
import { createBenchEnv, REDIS_URL } from "./support/bench-env.ts";
import { describeMachine, fmt, percentile } from "./support/machine.ts";

const { values: args } = parseArgs({
  options: {
    teams: { type: "string", default: "1000" },
    agents: { type: "string", default: "20" },
    "kudos-per-agent-week": { type: "string", default: "3" },
    rate: { type: "string", default: "50" },
  },
});
const TEAMS = Number(args.teams);
const AGENTS = Number(args.agents);
const PER_WEEK = Number(args["kudos-per-agent-week"]);
const RATE = Number(args.rate);

async function seed(databaseUrl: string, now: Date): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const weekEnd = previousWeek(now, "UTC").end;
  await client.query(`INSERT INTO workspace (platform, external_id) VALUES ('slack', 'TBENCH')`);
  await client.query(
    `INSERT INTO team (workspace_id, name, channel_id, time_zone, updated_at)
     SELECT w.id, 'Team ' || t, 'CT' || t, 'UTC', now() FROM workspace w, generate_series(1, $1) t`,
    [TEAMS],
  );
  await client.query(
    `INSERT INTO member (workspace_id, team_id, platform_user_id, display_name, updated_at)
     SELECT t.workspace_id, t.id, 'U' || t.channel_id || '_' || a, 'Agent ' || a, now()
     FROM team t, generate_series(1, $1) a`,
    [AGENTS],
  );
  // Each agent gives PER_WEEK kudos a week for eight weeks to a teammate, with a value tag.
  await client.query(
    `INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, "values", source,
                        idempotency_key, created_at)
     SELECT gen_random_uuid(), g.workspace_id, g.team_id, g.id, r.id, 1 + (w * 7 + n) % 3, 'helped a customer',
            ARRAY[(ARRAY['ownership','empathy','craft'])[1 + (n % 3)]], 'slash_command',
            g.id || ':' || w || ':' || n, $2::timestamptz - make_interval(days => 7 * w + 1 + n % 6)
     FROM member g
     JOIN LATERAL (SELECT id FROM member m WHERE m.team_id = g.team_id AND m.id <> g.id ORDER BY m.id LIMIT 1) r ON true,
          generate_series(0, 7) w, generate_series(1, $1) n`,
    [PER_WEEK, weekEnd],
  );
  // KPI targets for every team, and nine weeks of daily CSAT and first-response records per agent: the digest's
  // KPI lines, movers and eight-week chart (each week needs the one before it).
  await client.query(
    `INSERT INTO kpi_target (team_id, metric, target, weight, period, min_volume, updated_at)
     SELECT t.id, k.metric, k.target, k.weight, 'week', k.min_volume, now()
     FROM team t, (VALUES ('csat', 85.0, 2.0, NULL), ('first_response_time', 30.0, 1.0, 5)) AS k(metric, target, weight, min_volume)`,
  );
  await client.query(
    `INSERT INTO kpi_record (member_id, metric, period_date, value, numerator, denominator, source, updated_at)
     SELECT m.id, 'csat', d::date, 100.0 * (6 + (h % 5)) / 10, 6 + (h % 5), 10, 'bench', now()
     FROM member m, generate_series($1::date - 63, $1::date - 1, interval '1 day') d,
          LATERAL (SELECT abs(hashtext(m.id::text || d::text)) AS h) x
     UNION ALL
     SELECT m.id, 'first_response_time', d::date, 15 + (h % 30), NULL, NULL, 'bench', now()
     FROM member m, generate_series($1::date - 63, $1::date - 1, interval '1 day') d,
          LATERAL (SELECT abs(hashtext(m.id::text || d::text || 'frt')) AS h) x`,
    [weekEnd.toISOString().slice(0, 10)],
  );
  await client.query("ANALYZE");
  await client.end();
}

async function main() {
  const env = await createBenchEnv("digests");
  const slack = await new FakeSlackApi().start();
  const now = new Date();
  try {
    console.log(await describeMachine(env.databaseUrl));
    let t = performance.now();
    await seed(env.databaseUrl, now);
    console.log(`seeded ${TEAMS} teams × ${AGENTS} agents, ${TEAMS * AGENTS * PER_WEEK * 8} kudos in ${fmt((performance.now() - t) / 1000, 1)} s`);

    const config = parseConfig({
      DATABASE_URL: env.databaseUrl,
      REDIS_URL,
      SLACK_SIGNING_SECRET: "bench",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_API_URL: slack.url,
      QUEUE_PREFIX: env.queuePrefix,
      SLACK_POSTS_PER_SECOND: String(RATE),
      PORT: "0",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      FEEDBACK_HASH_SECRET: "bench-feedback-secret-0123456789",
    });
    const spur = createSpur(config, { logger: createLogger("warn"), workers: false });
    const teams = await spur.services.workspaces.listTeams();

    // Phase 1: compute every team's digest.
    const latencies: number[] = [];
    t = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < teams.length) {
          const team = teams[next++]!;
          const s = performance.now();
          await composeWeeklyDigest(spur.services, team, previousWeek(now, team.timeZone));
          latencies.push(performance.now() - s);
        }
      }),
    );
    const computeSeconds = (performance.now() - t) / 1000;
    latencies.sort((a, b) => a - b);
    await spur.stop();

    // Phase 2: the job pipeline posts them all (compose + post + chart upload), within the budget.
    const poster = createSpur(config, { logger: createLogger("warn") });
    await poster.start();
    t = performance.now();
    await poster.queues.scheduled.addBulk(teams.map((team) => ({ name: WEEKLY_DIGEST_JOB, data: { teamId: team.id } })));
    const deadline = Date.now() + 30 * 60_000;
    for (;;) {
      const posted = slack.messages.length;
      if (posted >= teams.length) break;
      if (Date.now() > deadline) throw new Error(`only ${posted} digests posted`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const postSeconds = (performance.now() - t) / 1000;
    const times = slack.callsTo("chat.postMessage").map((c) => c.at).sort((a, b) => a - b);
    const steady = times.length > 1 ? (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000) : NaN;
    await new Promise((r) => setTimeout(r, 500));
    const charts = [...slack.files.values()].filter((f) => f.bytes).length;
    await poster.stop();

    console.log(`\ndigests: ${teams.length} teams × ${AGENTS} agents`);
    console.log(`  compute: ${fmt(teams.length / computeSeconds)} teams/s, total ${fmt(computeSeconds, 2)} s (per team p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, concurrency 8)`);
    console.log(`  post:    ${teams.length} digests in ${fmt(postSeconds, 2)} s; achieved ${fmt(steady)} posts/s vs configured budget ${RATE}/s (burst ${Math.ceil(RATE * 2)}); ${charts} charts uploaded`);
  } finally {
    await slack.stop();
    await env.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
