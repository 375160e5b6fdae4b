// Benchmark: N signed `/kudos` requests at concurrency C against a running Spur (child process), measuring
// ack latency and how fast kudos are stored, next to inserting the same rows directly with pg.
//   npx tsx bench/kudos-http.ts [--requests 5000] [--concurrency 32]
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { parseArgs } from "node:util";
import pg from "pg";
import { FakeSlackApi, type FakeUser } from "../test/support/fake-slack-api.ts";
import { slackSignatureHeaders } from "../test/support/slack-signing.ts";
import { createBenchEnv, REDIS_URL } from "./support/bench-env.ts";
import { describeMachine, fmt, percentile } from "./support/machine.ts";

const { values: args } = parseArgs({
  options: {
    requests: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "32" },
    port: { type: "string", default: "3917" },
  },
});
const N = Number(args.requests);
const C = Number(args.concurrency);
const PORT = Number(args.port);
const SECRET = "bench-secret";
const USERS = 200;

const users: FakeUser[] = Array.from({ length: USERS }, (_, i) => ({ id: `UB${String(i).padStart(5, "0")}`, name: `agent${i}` }));

async function startSpur(databaseUrl: string, queuePrefix: string, slackApiUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      FEEDBACK_HASH_SECRET: "bench-feedback-secret-0123456789",
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_API_URL: slackApiUrl,
      PORT: String(PORT),
      QUEUE_PREFIX: queuePrefix,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/healthz`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error("Spur did not start");
}

function kudosRequest(i: number, responseUrl: string): { body: string; headers: Record<string, string> } {
  const giver = users[i % USERS]!;
  const a = users[(i + 1) % USERS]!;
  const b = users[(i + 7) % USERS]!;
  const body = new URLSearchParams({
    team_id: "TBENCH",
    channel_id: "CBENCH",
    user_id: giver.id,
    command: "/kudos",
    text: `<@${a.id}|${a.name}> <@${b.id}|${b.name}> 2 kept the queue under control #ownership`,
    response_url: responseUrl,
    trigger_id: `bench.${i}.${Date.now()}`,
  }).toString();
  return { body, headers: { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SECRET, body) } };
}

async function runLoad(count: number, offset: number, responseUrl: string): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const i = offset + next++;
      const { body, headers } = kudosRequest(i, responseUrl);
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${PORT}/slack/events`, { method: "POST", body, headers });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    }
  }
  await Promise.all(Array.from({ length: C }, worker));
  return latencies;
}

async function countKudos(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM kudos");
  return Number(rows[0]?.n ?? 0);
}

/** The same rows, inserted directly: one INSERT (autocommit) per row over C connections. */
async function rawInsertRate(databaseUrl: string, rows: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: C });
  const { rows: ids } = await pool.query<{ workspace_id: string; team_id: string; giver_id: string; recipient_id: string }>(
    "SELECT workspace_id, team_id, giver_id, recipient_id FROM kudos LIMIT 1",
  );
  const sample = ids[0]!;
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (next < rows) {
        const i = next++;
        await pool.query(
          `INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, "values", source, idempotency_key)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 2, 'kept the queue under control', ARRAY['ownership'], 'slash_command', $5)`,
          [sample.workspace_id, sample.team_id, sample.giver_id, sample.recipient_id, `raw-${i}`],
        );
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  await pool.end();
  return rows / seconds;
}

async function main() {
  const env = await createBenchEnv("kudos");
  const slack = await new FakeSlackApi(users).start();
  let spur: ChildProcess | undefined;
  try {
    console.log(await describeMachine(env.databaseUrl));
    spur = await startSpur(env.databaseUrl, env.queuePrefix, slack.url);
    const db = new pg.Client({ connectionString: env.databaseUrl });
    db.on("error", () => undefined); // the database is dropped at the end
    await db.connect();
    // A workspace whose allowance never runs out, so every request is a gift (members appear on first sight).
    const { rows } = await db.query<{ id: string }>(`INSERT INTO workspace (platform, external_id) VALUES ('slack', 'TBENCH') RETURNING id`);
    await db.query(`INSERT INTO recognition_settings (workspace_id, allowance_points, updated_at) VALUES ($1, 1000000, now())`, [rows[0]!.id]);

    // Warm-up: every member seen once (users.info, caches), JIT warm.
    const warm = Math.min(USERS * 2, 400);
    await runLoad(warm, 0, slack.responseUrl("warm"));
    await waitForCount(db, warm * 2);
    slack.calls.length = 0;

    const before = await countKudos(db);
    const expected = before + N * 2;
    const t0 = performance.now();
    const latencies = await runLoad(N, warm, slack.responseUrl("bench"));
    const ackSeconds = (performance.now() - t0) / 1000;
    await waitForCount(db, expected);
    const storedSeconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);

    const raw = await rawInsertRate(env.databaseUrl, N * 2);
    const storedRate = (N * 2) / storedSeconds;
    console.log(`\nkudos-http: ${N} signed /kudos requests (2 recipients each) at concurrency ${C}`);
    console.log(`  acked:  ${fmt(N / ackSeconds)} req/s; ack latency p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms`);
    console.log(`  stored: ${fmt(storedRate)} kudos rows/s (${N * 2} rows in ${fmt(storedSeconds, 2)} s, from first request to last row)`);
    console.log(`  raw pg: ${fmt(raw)} rows/s (single-row INSERTs over ${C} connections, same rows, same run)`);
    console.log(`  ratio stored/raw: ${fmt(storedRate / raw, 2)}`);
    await db.end();
  } finally {
    if (spur) {
      spur.kill("SIGTERM");
      await once(spur, "exit").catch(() => undefined);
    }
    await slack.stop();
    await env.cleanup();
  }
}

async function waitForCount(db: pg.Client, expected: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await countKudos(db)) < expected) {
    if (Date.now() > deadline) throw new Error(`only ${await countKudos(db)} of ${expected} kudos stored after 120 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
