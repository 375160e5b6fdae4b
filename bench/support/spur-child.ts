// What the HTTP benchmarks share: Spur as a child process (as operators run it), a workspace whose
// allowance never runs out, waiting for rows, and the raw-insert baseline measured in the same run.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import pg from "pg";
import type { FakeUser } from "../../test/support/fake-slack-api.ts";
import { REDIS_URL } from "./bench-env.ts";

/** Spur runs as in production here, which refuses secrets shorter than 32 bytes. */
export const BENCH_SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";

export function benchUsers(count: number): FakeUser[] {
  return Array.from({ length: count }, (_, i) => ({ id: `UB${String(i).padStart(5, "0")}`, name: `agent${i}` }));
}

export interface SpurProcessOptions {
  databaseUrl: string;
  queuePrefix: string;
  slackApiUrl: string;
  port: number;
  /** More environment for the process (SLACK_POSTS_PER_SECOND …). */
  env?: Record<string, string>;
}

function spurEnv(opts: SpurProcessOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    FEEDBACK_HASH_SECRET: "bench-feedback-secret-0123456789",
    SPUR_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_API_URL: opts.slackApiUrl,
    PORT: String(opts.port),
    QUEUE_PREFIX: opts.queuePrefix,
    LOG_LEVEL: "warn",
    ...opts.env,
  };
}

/** Resolves once the child answers GET /healthz on `port`; kills it and throws if it never does. */
export async function whenHealthy(child: ChildProcess, port: number, what = "Spur"): Promise<ChildProcess> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`${what} did not start`);
}

/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the Spur process there when it exits (open it in Chrome DevTools). */
export async function startSpurProcess(opts: SpurProcessOptions): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...profilingFlags(), "--import", "tsx", "src/main.ts"], {
    env: spurEnv(opts),
    stdio: ["ignore", "inherit", "inherit"],
  });
  return whenHealthy(child, opts.port);
}

/** Compiles Spur as `npm start` does (`npm run build`: tsc into dist/), so role processes run the shipped JavaScript. */
export function buildSpur(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}

/** V8 profiling flags from BENCH_CPU_PROF=<dir> / BENCH_HEAP_PROF=<dir> (profiles are written when the process exits). */
function profilingFlags(): string[] {
  const { BENCH_CPU_PROF: cpu, BENCH_HEAP_PROF: heap } = process.env;
  return [...(cpu ? ["--cpu-prof", `--cpu-prof-dir=${cpu}`] : []), ...(heap ? ["--heap-prof", `--heap-prof-dir=${heap}`] : [])];
}

/** One role of the built Spur, started as `npm start` and the Docker image start it: `bin/spur <role>` (which execs node). */
export async function startSpurRole(role: "all" | "web" | "worker", opts: SpurProcessOptions): Promise<ChildProcess> {
  const child = spawn("bin/spur", [...profilingFlags(), role], { env: spurEnv(opts), stdio: ["ignore", "inherit", "inherit"] });
  return whenHealthy(child, opts.port);
}

export async function stopSpurProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await once(child, "exit").catch(() => undefined);
}

/** A workspace whose allowance never runs out, so every request is a gift (members appear on first sight). */
export async function unlimitedWorkspace(db: pg.Client, externalId: string): Promise<void> {
  const { rows } = await db.query<{ id: string }>("INSERT INTO workspace (platform, external_id) VALUES ('slack', $1) RETURNING id", [externalId]);
  await db.query("INSERT INTO recognition_settings (workspace_id, allowance_points, updated_at) VALUES ($1, 1000000, now())", [rows[0]!.id]);
}

export async function waitForCount(read: () => Promise<number>, expected: number, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await read()) < expected) {
    if (Date.now() > deadline) throw new Error(`only ${await read()} of ${expected} ${what} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The same kind of rows, inserted directly: one INSERT (autocommit) per row over `concurrency` connections. */
export async function rawKudosInsertRate(
  databaseUrl: string,
  rows: number,
  concurrency: number,
  row: { points: number; reason: string; values: string[]; source: string; sourceRef: string | null },
  /** Called when the last row is in, while the pool's connections are still open (to read their CPU). */
  done: () => Promise<void> = async () => undefined,
): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  // As the load does: each row from a different member to the next one (so no two rows share a giver's or a
  // recipient's rollup row for the day, which would make them wait on each other's row locks).
  const { rows: members } = await pool.query<{ id: string; workspace_id: string; team_id: string }>(
    "SELECT id, workspace_id, team_id FROM member WHERE team_id IS NOT NULL AND NOT is_bot ORDER BY platform_user_id",
  );
  if (members.length < 2) throw new Error("rawKudosInsertRate needs at least two members");
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < rows) {
        const i = next++;
        const giver = members[i % members.length]!;
        const recipient = members[(i + 1) % members.length]!;
        await pool.query(
          `INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, "values", source, source_ref, idempotency_key)
           VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7::text[], $8::"KudosSource", $9, $10)`,
          [giver.workspace_id, recipient.team_id, giver.id, recipient.id, row.points, row.reason, row.values, row.source, row.sourceRef, `raw-${i}`],
        );
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  await done();
  await pool.end();
  return rows / seconds;
}

export interface SignedSlackRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * `count` signed Slack requests (numbered from `offset`), made before a timed window so that the load
 * generator's own signing is not part of what is measured; their timestamps stay within Slack's five minutes
 * for as long as a benchmark runs.
 */
export function prepareSlackLoad(count: number, offset: number, request: (i: number) => SignedSlackRequest): SignedSlackRequest[] {
  return Array.from({ length: count }, (_, i) => request(offset + i));
}

/**
 * A closed-loop load: `concurrency` clients each POST the next of the prepared requests to Spur's /slack/events
 * over their own kept-alive connection (as Slack's senders keep theirs) and wait for the answer; returns every
 * request's latency in ms. node:http rather than fetch: the generator shares the cores with what it measures.
 */
export async function postPreparedLoad(port: number, concurrency: number, requests: readonly SignedSlackRequest[]): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const post = ({ body, headers }: SignedSlackRequest) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/slack/events", method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  async function client() {
    while (next < requests.length) {
      const request = requests[next++]!;
      const t = performance.now();
      const status = await post(request);
      latencies.push(performance.now() - t);
      if (status !== 200) throw new Error(`HTTP ${status}`);
    }
  }
  try {
    await Promise.all(Array.from({ length: concurrency }, client));
  } finally {
    agent.destroy();
  }
  return latencies;
}

/** `count` signed requests (numbered from `offset`), prepared and then posted as by postPreparedLoad. */
export async function postSlackLoad(
  port: number,
  concurrency: number,
  count: number,
  offset: number,
  request: (i: number) => SignedSlackRequest,
): Promise<number[]> {
  return postPreparedLoad(port, concurrency, prepareSlackLoad(count, offset, request));
}

/** How Spur's /metrics counts the outcomes of `command` so far (ok, refused, error …). */
export async function commandOutcomes(port: number, command: string): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const outcomes = new Map<string, number>();
  for (const m of text.matchAll(/^spur_commands_total\{([^}]*)\} (\S+)$/gm)) {
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (labels.command === command && labels.outcome) outcomes.set(labels.outcome, Number(m[2]));
  }
  return outcomes;
}
