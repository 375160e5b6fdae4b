// Reaction-kudos throughput: signed `reaction_added` Events API callbacks into the real Spur (Bolt, PostgreSQL,
// BullMQ workers posting shoutouts and DMs to a local fake Slack API), next to the raw single-row INSERT rate
// of the same PostgreSQL measured in the same run. Prints numbers; asserts nothing.
//   npx tsx bench/reaction-events.ts            (env: EVENTS=1000 CONCURRENCY=32 RATE=50 RATE_SECONDS=5)
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { parseConfig } from "../src/config.ts";
import { createSpur } from "../src/spur.ts";
import { FakeSlackApi, type FakeUser } from "../test/support/fake-slack-api.ts";
import { deleteKeysWithPrefix } from "../test/support/redis-prefix.ts";
import { slackSignatureHeaders } from "../test/support/slack-signing.ts";
import { adminQuery, databaseUrl } from "../test/support/test-db.ts";

const EVENTS = Number(process.env.EVENTS ?? 1000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const RATE = Number(process.env.RATE ?? 50);
const RATE_SECONDS = Number(process.env.RATE_SECONDS ?? 5);
const RAW_SECONDS = Number(process.env.RAW_SECONDS ?? 3);
const SECRET = "bench-secret";
const TEAM = "TBENCH";
const USERS: FakeUser[] = Array.from({ length: 200 }, (_, i) => ({ id: `UB${String(i).padStart(4, "0")}`, name: `user${i}` }));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function rawInsertRate(url: string, sessions: number, seconds: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: sessions });
  await pool.query("CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, giver text, recipient text, points int, reason text, created_at timestamptz DEFAULT now())");
  let rows = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: sessions }, async () => {
      while (Date.now() < until) {
        await pool.query("INSERT INTO bench_raw (giver, recipient, points, reason) VALUES ($1, $2, 1, 'raw insert')", ["UB0001", "UB0002"]);
        rows += 1;
      }
    }),
  );
  await pool.end();
  return rows / seconds;
}

async function main() {
  const dbName = `spur_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  const url = databaseUrl(dbName);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" }, stdio: "ignore" });
  const slack = await new FakeSlackApi(USERS).start();
  const prefix = `spur-bench-${randomBytes(4).toString("hex")}`;
  const config = parseConfig({
    NODE_ENV: "test", PORT: "0", LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", DATABASE_URL: url, REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_API_URL: slack.url, QUEUE_PREFIX: prefix,
  });
  const spur = createSpur(config);
  const port = await spur.start();
  const endpoint = `http://127.0.0.1:${port}/slack/events`;

  try {
    // A generous allowance so every event is a gift; members are created on first sight like in production.
    const { workspace } = await spur.services.workspaces.ensure("slack", TEAM, { teamTimeZone: "UTC" });
    await spur.db.recognitionSettings.create({ data: { workspaceId: workspace.id, allowancePoints: 1_000_000, maxPointsPerGift: 5 } });

    let seq = 0;
    const send = async (): Promise<number> => {
      seq += 1;
      const n = seq;
      const ts = `1763900000.${String(n).padStart(6, "0")}`;
      const author = USERS[n % USERS.length] as FakeUser;
      const giver = USERS[(n * 7 + 1) % USERS.length] as FakeUser;
      slack.addMessage("CBENCH", { ts, text: `helped a customer #${n}`, user: author.id });
      const body = JSON.stringify({
        token: "t", team_id: TEAM, api_app_id: "ABENCH", type: "event_callback", event_id: `EvB${n}`, event_time: 1763900000,
        event: { type: "reaction_added", user: giver.id === author.id ? (USERS[0] as FakeUser).id : giver.id, reaction: "star", item_user: author.id, item: { type: "message", channel: "CBENCH", ts } },
      });
      const started = performance.now();
      const res = await fetch(endpoint, { method: "POST", body, headers: { "content-type": "application/json", ...slackSignatureHeaders(SECRET, body) } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      return performance.now() - started;
    };
    const processed = () => spur.db.kudos.count({ where: { source: "reaction" } });
    const drain = async (target: number) => {
      const deadline = Date.now() + 120_000;
      while ((await processed()) < target) {
        if (Date.now() > deadline) throw new Error(`only ${await processed()} of ${target} reaction kudos were stored`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    // Warm-up: JIT, pools, first-sight member look-ups.
    for (let i = 0; i < 200; i++) await send();
    await drain(200);

    // 1. Closed loop: CONCURRENCY senders, as fast as Spur acks.
    const base = await processed();
    const latencies: number[] = [];
    const started = performance.now();
    let remaining = EVENTS;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (remaining-- > 0) latencies.push(await send());
      }),
    );
    const ackedIn = (performance.now() - started) / 1000;
    await drain(base + EVENTS);
    const doneIn = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);

    // 2. Open loop at a fixed rate: the ack latency a steady stream of events sees.
    const base2 = await processed();
    const fixed: number[] = [];
    const total = RATE * RATE_SECONDS;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        const due = t0 + (i * 1000) / RATE;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        fixed.push(await send());
      }),
    );
    await drain(base2 + total);
    fixed.sort((a, b) => a - b);

    const raw = await rawInsertRate(url, 32, RAW_SECONDS);

    console.log(`reaction-events (${EVENTS} events, ${CONCURRENCY} concurrent senders; ${total} at ${RATE}/s)`);
    console.log(`  acked           ${(EVENTS / ackedIn).toFixed(0)} events/s   p50 ${ms(percentile(latencies, 50))}   p99 ${ms(percentile(latencies, 99))}`);
    console.log(`  stored as kudos ${(EVENTS / doneIn).toFixed(0)} events/s   (all ${EVENTS} gifts in PostgreSQL after ${doneIn.toFixed(2)} s)`);
    console.log(`  fixed ${RATE}/s    p50 ${ms(percentile(fixed, 50))}   p99 ${ms(percentile(fixed, 99))}   max ${ms(fixed.at(-1) ?? Number.NaN)}`);
    console.log(`  raw pg INSERT   ${raw.toFixed(0)} rows/s   (single-row transactions, 32 sessions, same database)`);
  } finally {
    await spur.stop();
    await slack.stop();
    await deleteKeysWithPrefix(prefix);
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
