// Benchmark: N signed `reaction_added` Events API callbacks (the kudos emoji on N different messages) at
// concurrency C against a running Spur (child process), measuring ack latency and how fast they become kudos,
// next to inserting the same rows directly with pg in the same run.
//   npx tsx bench/reaction-events.ts [--events 2000] [--concurrency 32]
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
    events: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "32" },
    port: { type: "string", default: "3918" },
  },
});
const N = Number(args.events);
const C = Number(args.concurrency);
const PORT = Number(args.port);
const SECRET = "bench-secret";
const TEAM = "TBENCH";
const CHANNEL = "CBENCH";
const USERS = 200;

const users: FakeUser[] = Array.from({ length: USERS }, (_, i) => ({ id: `UB${String(i).padStart(5, "0")}`, name: `agent${i}` }));

async function startSpur(databaseUrl: string, queuePrefix: string, slackApiUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
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

/** Event i: someone adds :star: to message i, written by another member. */
function reactionEvent(i: number, slack: FakeSlackApi): { body: string; headers: Record<string, string> } {
  const author = users[i % USERS]!;
  const giver = users[(i + 1 + (i % 7)) % USERS]!;
  const ts = `1763900000.${String(i).padStart(6, "0")}`;
  slack.addMessage(CHANNEL, { ts, text: `Talked a customer through the migration (${i})`, user: author.id });
  const body = JSON.stringify({
    token: "legacy",
    team_id: TEAM,
    api_app_id: "ABENCH",
    type: "event_callback",
    event_id: `EvBench${i}`,
    event_time: 1763900000,
    event: { type: "reaction_added", user: giver.id, reaction: "star", item_user: author.id, item: { type: "message", channel: CHANNEL, ts } },
  });
  return { body, headers: { "content-type": "application/json", ...slackSignatureHeaders(SECRET, body) } };
}

async function runLoad(count: number, offset: number, slack: FakeSlackApi): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  async function worker() {
    while (next < count) {
      const { body, headers } = reactionEvent(offset + next++, slack);
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

async function countReactionKudos(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM kudos WHERE source = 'reaction'");
  return Number(rows[0]?.n ?? 0);
}

async function waitForCount(db: pg.Client, expected: number): Promise<void> {
  const deadline = Date.now() + 180_000;
  while ((await countReactionKudos(db)) < expected) {
    if (Date.now() > deadline) throw new Error(`only ${await countReactionKudos(db)} of ${expected} reaction kudos after 180 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
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
          `INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, source, source_ref, idempotency_key)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, 1, 'Talked a customer through the migration', 'reaction', 'https://example/p1', $5)`,
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
  const env = await createBenchEnv("reactions");
  const slack = await new FakeSlackApi(users).start();
  let spur: ChildProcess | undefined;
  try {
    console.log(await describeMachine(env.databaseUrl));
    const db = new pg.Client({ connectionString: env.databaseUrl });
    db.on("error", () => undefined); // the database is dropped at the end
    await db.connect();
    // A generous allowance, so every event becomes a gift (the default is 5 points a day).
    const { rows } = await db.query<{ id: string }>("INSERT INTO workspace (platform, external_id) VALUES ('slack', $1) RETURNING id", [TEAM]);
    await db.query("INSERT INTO recognition_settings (workspace_id, allowance_points, updated_at) VALUES ($1, 1000000, now())", [rows[0]!.id]);
    spur = await startSpur(env.databaseUrl, env.queuePrefix, slack.url);

    // Warm-up: every member seen once (users.info, caches), JIT warm.
    const warm = Math.min(USERS * 2, 400);
    await runLoad(warm, 0, slack);
    await waitForCount(db, warm);

    const t0 = performance.now();
    const latencies = await runLoad(N, warm, slack);
    const ackSeconds = (performance.now() - t0) / 1000;
    await waitForCount(db, warm + N);
    const storedSeconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);

    const raw = await rawInsertRate(env.databaseUrl, N);
    const storedRate = N / storedSeconds;
    console.log(`\nreaction-events: ${N} signed reaction_added events (each a new 1-point gift) at concurrency ${C}`);
    console.log(`  acked:  ${fmt(N / ackSeconds)} events/s; ack latency p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms`);
    console.log(`  stored: ${fmt(storedRate)} reaction kudos/s (${N} gifts in ${fmt(storedSeconds, 2)} s, from first event to last row)`);
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

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
