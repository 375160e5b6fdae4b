// Benchmark: N signed `/kudos` requests at concurrency C against a running Spur (child process), measuring
// ack latency and how fast kudos are stored, next to inserting the same rows directly with pg.
//   npx tsx bench/kudos-http.ts [--requests 5000] [--concurrency 32]
import type { ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { FakeSlackApi } from "../test/support/fake-slack-api.ts";
import { slackSignatureHeaders } from "../test/support/slack-signing.ts";
import { createBenchEnv } from "./support/bench-env.ts";
import { describeMachine, fmt, percentile } from "./support/machine.ts";
import {
  BENCH_SIGNING_SECRET as SECRET,
  benchUsers,
  rawKudosInsertRate,
  postSlackLoad,
  startSpurProcess,
  stopSpurProcess,
  unlimitedWorkspace,
  waitForCount,
} from "./support/spur-child.ts";

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
const USERS = 200;

const users = benchUsers(USERS);

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

function runLoad(count: number, offset: number, responseUrl: string): Promise<number[]> {
  return postSlackLoad(PORT, C, count, offset, (i) => kudosRequest(i, responseUrl));
}

async function countKudos(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM kudos");
  return Number(rows[0]?.n ?? 0);
}

async function main() {
  const env = await createBenchEnv("kudos");
  const slack = await new FakeSlackApi(users).start();
  let spur: ChildProcess | undefined;
  try {
    console.log(await describeMachine(env.databaseUrl));
    const db = new pg.Client({ connectionString: env.databaseUrl });
    db.on("error", () => undefined); // the database is dropped at the end
    await db.connect();
    await unlimitedWorkspace(db, "TBENCH");
    spur = await startSpurProcess({ databaseUrl: env.databaseUrl, queuePrefix: env.queuePrefix, slackApiUrl: slack.url, port: PORT });

    // Warm-up: every member seen once (users.info, caches), JIT warm.
    const warm = Math.min(USERS * 2, 400);
    await runLoad(warm, 0, slack.responseUrl("warm"));
    await waitForCount(() => countKudos(db), warm * 2, "kudos rows");
    slack.calls.length = 0;

    const before = await countKudos(db);
    const expected = before + N * 2;
    const t0 = performance.now();
    const latencies = await runLoad(N, warm, slack.responseUrl("bench"));
    const ackSeconds = (performance.now() - t0) / 1000;
    await waitForCount(() => countKudos(db), expected, "kudos rows");
    const storedSeconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);

    const raw = await rawKudosInsertRate(env.databaseUrl, N * 2, C, {
      points: 2,
      reason: "kept the queue under control",
      values: ["ownership"],
      source: "slash_command",
      sourceRef: null,
    });
    const storedRate = (N * 2) / storedSeconds;
    console.log(`\nkudos-http: ${N} signed /kudos requests (2 recipients each) at concurrency ${C}`);
    console.log(`  acked:  ${fmt(N / ackSeconds)} req/s; ack latency p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms`);
    console.log(`  stored: ${fmt(storedRate)} kudos rows/s (${N * 2} rows in ${fmt(storedSeconds, 2)} s, from first request to last row)`);
    console.log(`  raw pg: ${fmt(raw)} rows/s (single-row INSERTs over ${C} connections, same rows, same run)`);
    console.log(`  ratio stored/raw: ${fmt(storedRate / raw, 2)}`);
    await db.end();
  } finally {
    await stopSpurProcess(spur);
    await slack.stop();
    await env.cleanup();
  }
}


main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
