// Benchmark: the `/kudos` intake. Spur is built and run as operators run it — a web process and a
// worker process (`bin/spur web|worker`, as `npm start` and the image run the build) on PostgreSQL and Redis, Slack's Web API faked — and
// receives signed `/kudos` from distinct members (each gives once, to the next member), in two variants: the
// roster already stored (as a roster sync leaves it) and members Spur has never seen (each request names one).
//   - open loop at a fixed arrival rate: ack latency, stored/s against offered, the backlog, last ack → last row;
//   - closed loop: stored kudos/s beside raw single-row INSERTs into the same table and a naive handler that
//     stores before it acks (bench/support/naive-intake.ts), all in the same run;
//   - resident memory of the web and worker processes, idle and under each load.
//   npx tsx bench/intake.ts [--quick] [--members 3000] [--rate 200] [--seconds 15] [--concurrency 32]
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { FakeSlackApi, type FakeUser } from "../test/support/fake-slack-api.ts";
import { slackSignatureHeaders } from "../test/support/slack-signing.ts";
import { createBenchEnv } from "./support/bench-env.ts";
import { describeMachine, fmt } from "./support/machine.ts";
import { openLoop } from "./support/open-loop.ts";
import { backendCpu, backendCpuSince, cpuMs, ownCpuMs } from "./support/process-cpu.ts";
import { peakRssMb, rssMb, RssSampler } from "./support/process-memory.ts";
import { BENCH_SIGNING_SECRET as SECRET, buildSpur, postPreparedLoad, postSlackLoad, prepareSlackLoad, rawKudosInsertRate, startSpurRole, stopSpurProcess, whenHealthy, commandOutcomes } from "./support/spur-child.ts";
import { drainCount, intakeReport, type ClosedRun, type OpenRun } from "./support/intake-report.ts";

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    members: { type: "string" },
    rate: { type: "string", default: "200" },
    seconds: { type: "string" },
    concurrency: { type: "string", default: "32" },
    port: { type: "string", default: "3921" },
  },
});
const MEMBERS = Number(args.members ?? (args.quick ? 300 : 3000));
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds ?? (args.quick ? 2 : 15));
const OPEN_COUNT = Math.round(RATE * SECONDS);
const C = Number(args.concurrency);
const [WEB_PORT, WORKER_PORT, NAIVE_PORT] = [0, 1, 2].map((d) => Number(args.port) + d) as [number, number, number];
const TEAM = "TBENCH";
const WARM = args.quick ? 150 : 300;

/** `count` members whose Slack ids start with U + prefix, so each phase's rows can be told apart. */
function cohort(prefix: string, count: number): FakeUser[] {
  return Array.from({ length: count }, (_, i) => ({ id: `U${prefix}${String(i).padStart(5, "0")}`, name: `${prefix.toLowerCase()}${i}` }));
}
const cohorts = {
  warm: cohort("WM", WARM),
  openKnown: cohort("OK", OPEN_COUNT),
  openNew: cohort("ON", OPEN_COUNT),
  closedKnown: cohort("CK", MEMBERS),
  closedNew: cohort("CN", MEMBERS),
  naive: cohort("NV", MEMBERS),
};

/** Member i gives 2 points to member i+1 of the same cohort. */
function kudosRequest(users: FakeUser[], i: number, responseUrl: string) {
  const giver = users[i % users.length]!;
  const to = users[(i + 1) % users.length]!;
  const body = new URLSearchParams({
    team_id: TEAM,
    channel_id: "CBENCH",
    user_id: giver.id,
    command: "/kudos",
    text: `<@${to.id}|${to.name}> 2 kept the queue under control #ownership`,
    response_url: responseUrl,
    trigger_id: `bench.${giver.id}.${i}`,
  }).toString();
  return { body, headers: { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SECRET, body) } };
}

async function main() {
  const env = await createBenchEnv("intake");
  const slack = await new FakeSlackApi(Object.values(cohorts).flat()).start();
  const db = new pg.Client({ connectionString: env.databaseUrl });
  db.on("error", () => undefined); // the database is dropped at the end
  let web: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let naive: ChildProcess | undefined;
  try {
    console.log(await describeMachine(env.databaseUrl));
    console.log(`load average at start: ${os.loadavg().map((l) => fmt(l, 2)).join(" ")} (the cores may be shared)`);
    await db.connect();
    buildSpur();
    const opts = { databaseUrl: env.databaseUrl, queuePrefix: env.queuePrefix, slackApiUrl: slack.url };
    web = await startSpurRole("web", { ...opts, port: WEB_PORT });
    worker = await startSpurRole("worker", { ...opts, port: WORKER_PORT });
    const pids = { web: web.pid!, worker: worker.pid! };
    await new Promise((r) => setTimeout(r, 2000));
    const idle = { web: rssMb(pids.web), worker: rssMb(pids.worker) };
    const sampler = () => new RssSampler([pids.web, pids.worker]).start();
    const url = `http://127.0.0.1:${WEB_PORT}/slack/events`;
    const count = (prefix: string) => storedCount(db, prefix);
    const cpuNow = async (serverPid: number) => ({ server: cpuMs(serverPid), worker: cpuMs(pids.worker), postgres: await backendCpu(db), bench: ownCpuMs() });
    const cpuSince = async (before: Awaited<ReturnType<typeof cpuNow>>, serverPid: number) => ({
      server: cpuMs(serverPid) - before.server,
      worker: cpuMs(pids.worker) - before.worker,
      postgres: backendCpuSince(before.postgres, await backendCpu(db)),
      bench: ownCpuMs() - before.bench,
    });

    // Warm-up: the workspace and its default team exist, the JIT is warm.
    await postSlackLoad(WEB_PORT, 8, WARM, 0, (i) => kudosRequest(cohorts.warm, i, slack.responseUrl("warm")));
    await drainCount(() => count("WM"), WARM);
    const { rows } = await db.query<{ workspace_id: string; team_id: string }>("SELECT workspace_id, team_id FROM member WHERE platform_user_id = $1", [cohorts.warm[0]!.id]);
    const { workspace_id: workspaceId, team_id: teamId } = rows[0]!;
    const seed = (users: FakeUser[]) => seedRoster(db, workspaceId, teamId, users);

    const openRun = async (users: FakeUser[], prefix: string): Promise<OpenRun> => {
      const rss = sampler();
      const lookups = slack.callsTo("users.info").length;
      const outcomes = await commandOutcomes(WEB_PORT, "/kudos");
      const cpu = await cpuNow(pids.web);
      const samples: OpenRun["samples"] = [];
      let acked = 0;
      const t0 = performance.now() + 50;
      const ticker = setInterval(() => {
        const at = performance.now() - t0;
        const ackedNow = acked;
        void count(prefix).then((stored) => samples.push({ at, acked: ackedNow, stored }));
      }, Math.min(1000, (SECONDS * 1000) / 6));
      const result = await openLoop(url, RATE, users.length, (i) => kudosRequest(users, i, slack.responseUrl(prefix)), (n) => (acked = n), t0);
      const storedAtLastAck = await count(prefix);
      const drained = await drainCount(() => count(prefix), users.length);
      clearInterval(ticker);
      return {
        ...result,
        cpuMs: await cpuSince(cpu, pids.web),
        t0,
        storedAtLastAck,
        drained,
        samples,
        rss: rss.stop(),
        usersInfo: slack.callsTo("users.info").length - lookups,
        outcomes: await settledOutcomes(outcomes, users.length),
      };
    };
    const closedRun = async (port: number, serverPid: number, users: FakeUser[], prefix: string): Promise<ClosedRun> => {
      const rss = sampler();
      const lookups = slack.callsTo("users.info").length;
      const outcomes = port === WEB_PORT ? await commandOutcomes(WEB_PORT, "/kudos") : undefined;
      const cpu = await cpuNow(serverPid);
      const requests = prepareSlackLoad(users.length, 0, (i) => kudosRequest(users, i, slack.responseUrl(prefix)));
      const t0 = performance.now();
      const latencies = await postPreparedLoad(port, C, requests);
      const ackSeconds = (performance.now() - t0) / 1000;
      const storedAtLastAck = await count(prefix);
      const drained = await drainCount(() => count(prefix), users.length);
      const storedSeconds = (drained.at - t0) / 1000;
      return {
        cpuMs: await cpuSince(cpu, serverPid),
        latencies,
        ackSeconds,
        storedAtLastAck,
        drained,
        storedSeconds,
        rss: rss.stop(),
        usersInfo: slack.callsTo("users.info").length - lookups,
        ...(outcomes ? { outcomes: await settledOutcomes(outcomes, users.length) } : {}),
      };
    };

    // The roster-known runs first, so their memory peaks owe nothing to the first-seen runs.
    await seed(cohorts.openKnown);
    await seed(cohorts.closedKnown);
    const openKnown = await openRun(cohorts.openKnown, "OK");
    const closedKnown = await closedRun(WEB_PORT, pids.web, cohorts.closedKnown, "CK");
    const webPeakKnown = peakRssMb(pids.web);
    const openNew = await openRun(cohorts.openNew, "ON");
    const closedNew = await closedRun(WEB_PORT, pids.web, cohorts.closedNew, "CN");
    const webPeakFirstSeen = peakRssMb(pids.web);

    await seed(cohorts.naive);
    naive = await startNaive(env.databaseUrl, workspaceId);
    const naiveRun = await closedRun(NAIVE_PORT, naive.pid!, cohorts.naive, "NV");
    await stopSpurProcess(naive);
    const rawCpu = { postgres: 0, bench: 0 };
    const rawRows = Math.max(2 * MEMBERS, 1000);
    const rawBefore = { postgres: await backendCpu(db), bench: ownCpuMs() };
    const raw = await rawKudosInsertRate(env.databaseUrl, rawRows, C, {
      points: 2,
      reason: "kept the queue under control",
      values: ["ownership"],
      source: "slash_command",
      sourceRef: null,
    }, async () => {
      rawCpu.postgres = backendCpuSince(rawBefore.postgres, await backendCpu(db)) / rawRows;
      rawCpu.bench = (ownCpuMs() - rawBefore.bench) / rawRows;
    });

    console.log(
      intakeReport({
        members: MEMBERS,
        rate: RATE,
        seconds: SECONDS,
        concurrency: C,
        open: { known: openKnown, firstSeen: openNew },
        closed: { known: closedKnown, firstSeen: closedNew },
        naive: naiveRun,
        raw,
        rawCpu,
        pids,
        idle,
        peak: { web: peakRssMb(pids.web), worker: peakRssMb(pids.worker) },
        webPeakAfter: { known: webPeakKnown, firstSeen: webPeakFirstSeen },
      }),
    );
  } finally {
    await stopSpurProcess(naive);
    await stopSpurProcess(web);
    await stopSpurProcess(worker);
    await db.end().catch(() => undefined);
    await slack.stop();
    await env.cleanup();
  }
}

/** Spur's /kudos outcomes since `before`, once all `expected` are counted (or the count stalls). */
async function settledOutcomes(before: Map<string, number>, expected: number): Promise<Map<string, number>> {
  const read = async () => since(before, await commandOutcomes(WEB_PORT, "/kudos"));
  await drainCount(async () => [...(await read()).values()].reduce((a, b) => a + b, 0), expected, 100);
  return read();
}

/** What was counted between two readings of the same counters. */
function since(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [key, value] of after) if (value > (before.get(key) ?? 0)) delta.set(key, value - (before.get(key) ?? 0));
  return delta;
}

/** Kudos rows whose giver's Slack id starts with U + prefix. */
async function storedCount(db: pg.Client, prefix: string): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    "SELECT count(*) AS n FROM kudos k JOIN member g ON g.id = k.giver_id WHERE g.platform_user_id LIKE $1",
    [`U${prefix}%`],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The members as a roster sync stores them: in the workspace's default team, with name and time zone. */
async function seedRoster(db: pg.Client, workspaceId: string, teamId: string, users: FakeUser[]): Promise<void> {
  await db.query(
    `INSERT INTO member (workspace_id, team_id, platform_user_id, display_name, handle, time_zone, updated_at)
     SELECT $1, $2, u.id, u.name, u.name, 'UTC', now() FROM unnest($3::text[], $4::text[]) AS u(id, name)`,
    [workspaceId, teamId, users.map((u) => u.id), users.map((u) => u.name)],
  );
  await db.query("ANALYZE member");
}

async function startNaive(databaseUrl: string, workspaceId: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/naive-intake.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(NAIVE_PORT), SLACK_SIGNING_SECRET: SECRET, WORKSPACE_ID: workspaceId },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return whenHealthy(child, NAIVE_PORT, "the naive handler");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
