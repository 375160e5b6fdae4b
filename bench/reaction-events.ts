// Benchmark: N signed `reaction_added` Events API callbacks (the kudos emoji on N different messages) at
// concurrency C against a running Spur (child process), measuring ack latency and how fast they become kudos,
// next to inserting the same rows directly with pg in the same run.
//   npx tsx bench/reaction-events.ts [--events 2000] [--concurrency 32]
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
    events: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "32" },
    port: { type: "string", default: "3918" },
  },
});
const N = Number(args.events);
const C = Number(args.concurrency);
const PORT = Number(args.port);
const TEAM = "TBENCH";
const CHANNEL = "CBENCH";
const USERS = 200;

const users = benchUsers(USERS);

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

function runLoad(count: number, offset: number, slack: FakeSlackApi): Promise<number[]> {
  return postSlackLoad(PORT, C, count, offset, (i) => reactionEvent(i, slack));
}

async function countReactionKudos(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM kudos WHERE source = 'reaction'");
  return Number(rows[0]?.n ?? 0);
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
    await unlimitedWorkspace(db, TEAM);
    spur = await startSpurProcess({ databaseUrl: env.databaseUrl, queuePrefix: env.queuePrefix, slackApiUrl: slack.url, port: PORT });

    // Warm-up: every member seen once (users.info, caches), JIT warm.
    const warm = Math.min(USERS * 2, 400);
    await runLoad(warm, 0, slack);
    await waitForCount(() => countReactionKudos(db), warm, "reaction kudos");

    const t0 = performance.now();
    const latencies = await runLoad(N, warm, slack);
    const ackSeconds = (performance.now() - t0) / 1000;
    await waitForCount(() => countReactionKudos(db), warm + N, "reaction kudos");
    const storedSeconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);

    const raw = await rawKudosInsertRate(env.databaseUrl, N, C, {
      points: 1,
      reason: "Talked a customer through the migration",
      values: [],
      source: "reaction",
      sourceRef: "https://example/p1",
    });
    const storedRate = N / storedSeconds;
    console.log(`\nreaction-events: ${N} signed reaction_added events (each a new 1-point gift) at concurrency ${C}`);
    console.log(`  acked:  ${fmt(N / ackSeconds)} events/s; ack latency p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, p99 ${fmt(percentile(latencies, 99))} ms`);
    console.log(`  stored: ${fmt(storedRate)} reaction kudos/s (${N} gifts in ${fmt(storedSeconds, 2)} s, from first event to last row)`);
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
