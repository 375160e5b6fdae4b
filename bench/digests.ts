// Benchmark: weekly digests for 1,000 teams × 20 agents (and a lead each) in one workspace, over eight weeks
// of seeded kudos, nine weeks of daily KPI records and weekly tickets handled, against two targets per team.
//  1. compute: composeWeeklyDigest for every team (all the data each digest needs), reported as teams/s;
//  2. awards: composeMonthlyAwards for every team (the workspace's team scores are computed once, then reused);
//  3. post: the real job pipeline (BullMQ workers, posting budget, fake Slack API) posting every digest with
//     its chart and every lead digest, reported as the achieved rate next to the configured budget.
//     Charts are drawn in CHART_RENDER_THREADS worker threads (default 1; --chart-threads sets it, 0 draws them
//     on the main thread).
//  4. workers: every team's digest again (a forced send), each job delivered twice, computed and posted by
//     --worker-processes `bin/spur worker` processes (default 2; 0 skips it) at the largest budget (100/s):
//     the time until every team's digest is out, and whether any went out twice.
//   npx tsx bench/digests.ts [--teams 1000] [--agents 20] [--kudos-per-agent-week 3] [--rate 50] [--chart-threads n]
//                            [--skip-awards] [--profile-compute file] [--profile-post file] [--worker-processes 2]
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { parseConfig } from "../src/config.ts";
import { composeMonthlyAwards, previousMonth } from "../src/core/awards/awards-post.ts";
import { composeWeeklyDigest } from "../src/core/digests/digest.ts";
import { previousWeek } from "../src/core/shared/period.ts";
import { WEEKLY_DIGEST_JOB } from "../src/jobs/weekly-digest.ts";
import { createLogger } from "../src/logger.ts";
import { createSpur } from "../src/spur.ts";
import { PrismaMonthlyTeamScores } from "../src/store/monthly-team-scores-store.ts";
import { FakeSlackApi } from "../test/support/fake-slack-api.ts";
import { createBenchEnv, REDIS_URL } from "./support/bench-env.ts";
import { seedDigestData } from "./support/digest-seed.ts";
import { digestsAcrossWorkers, MAX_POSTS_PER_SECOND, type WorkerDigestsResult } from "./support/digest-workers.ts";
import { describeMachine, fmt, percentile } from "./support/machine.ts";
import { backendCpu, backendCpuSince } from "./support/process-cpu.ts";

const { values: args } = parseArgs({
  options: {
    teams: { type: "string", default: "1000" },
    agents: { type: "string", default: "20" },
    "kudos-per-agent-week": { type: "string", default: "3" },
    rate: { type: "string", default: "50" },
    "chart-threads": { type: "string" },
    /** Skips the awards phase (minutes at this scale; the post phase does not need it). */
    "skip-awards": { type: "boolean", default: false },
    /** Writes a CPU profile (.cpuprofile, for Chrome DevTools) of the compute phase to this file. */
    "profile-compute": { type: "string" },
    /** The same of the post phase (the main thread's: chart threads are not in it). */
    "profile-post": { type: "string" },
    "worker-processes": { type: "string", default: "2" },
  },
});
const TEAMS = Number(args.teams);
const AGENTS = Number(args.agents);
const PER_WEEK = Number(args["kudos-per-agent-week"]);
const RATE = Number(args.rate);
const CONCURRENCY = 8;

/** Starts a CPU profile of this thread if `file` is given; the returned function stops it and writes the file. */
async function profile(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Runs `work` over every item, `concurrency` at a time; returns each item's latency in ms, sorted. */
async function timed<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const s = performance.now();
        await work(items[i] as T);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

const perTeam = (latencies: number[]) =>
  `per team p50 ${fmt(percentile(latencies, 50))} ms, p95 ${fmt(percentile(latencies, 95))} ms, max ${fmt(latencies.at(-1) ?? NaN)} ms`;

async function main() {
  const started = performance.now();
  const env = await createBenchEnv("digests");
  const slack = await new FakeSlackApi().start();
  const now = new Date();
  try {
    console.log(await describeMachine(env.databaseUrl));
    let t = performance.now();
    const steps = await seedDigestData(env.databaseUrl, { teams: TEAMS, agents: AGENTS, kudosPerAgentWeek: PER_WEEK, now });
    const seedSeconds = seconds(t);
    console.log(`seeded ${TEAMS} teams × ${AGENTS} agents + 1 lead in ${fmt(seedSeconds, 1)} s (${steps.join("; ")})`);

    const config = parseConfig({
      DATABASE_URL: env.databaseUrl,
      REDIS_URL,
      SLACK_SIGNING_SECRET: "bench-signing-secret-0123456789abcdef",
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_API_URL: slack.url,
      QUEUE_PREFIX: env.queuePrefix,
      SLACK_POSTS_PER_SECOND: String(RATE),
      ...(args["chart-threads"] !== undefined ? { CHART_RENDER_THREADS: args["chart-threads"] } : {}),
      PORT: "0",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      FEEDBACK_HASH_SECRET: "bench-feedback-secret-0123456789",
      SPUR_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    });
    const spur = createSpur(config, { logger: createLogger("warn"), workers: false });
    const teams = await spur.services.workspaces.listTeams();

    // Phase 1: compute every team's weekly digest.
    const stopProfile = await profile(args["profile-compute"]);
    t = performance.now();
    const cpu = process.cpuUsage();
    const digestLatencies = await timed(teams, CONCURRENCY, (team) => composeWeeklyDigest(spur.services, team, previousWeek(now, team.timeZone)));
    const computeSeconds = seconds(t);
    const computeCpu = process.cpuUsage(cpu);
    await stopProfile();
    const computeCpuSeconds = (computeCpu.user + computeCpu.system) / 1e6;

    // Phase 2: every team's monthly awards; the first computes the workspace's team scores, the rest reuse them.
    const awards = args["skip-awards"]
      ? null
      : await (async () => {
          const awardsDeps = { ...spur.services, teamScores: new PrismaMonthlyTeamScores(spur.db) };
          t = performance.now();
          const first = teams[0]!;
          await composeMonthlyAwards(awardsDeps, first, previousMonth(now, first.timeZone));
          const teamScoresSeconds = seconds(t);
          t = performance.now();
          const latencies = await timed(teams.slice(1), CONCURRENCY, (team) => composeMonthlyAwards(awardsDeps, team, previousMonth(now, team.timeZone)));
          return { teamScoresSeconds, seconds: seconds(t), latencies };
        })();
    await spur.stop();

    // Phase 3: the job pipeline posts them all (compose + post + chart upload, then each lead's DM), within the budget.
    const poster = createSpur(config, { logger: createLogger("warn") });
    t = performance.now();
    await poster.start();
    const bootSeconds = seconds(t);
    const stopPostProfile = await profile(args["profile-post"]);
    const postCpu = process.cpuUsage();
    const postLoop = performance.eventLoopUtilization();
    const pgAdmin = new pg.Client({ connectionString: env.databaseUrl });
    await pgAdmin.connect();
    const pgBefore = await backendCpu(pgAdmin);
    t = performance.now();
    await poster.queues.scheduled.addBulk(teams.map((team) => ({ name: WEEKLY_DIGEST_JOB, data: { teamId: team.id } })));
    const deadline = Date.now() + 30 * 60_000;
    const ofType = (eventType: string) => slack.messages.filter((m) => m.metadata?.event_type === eventType).length;
    for (;;) {
      const posted = ofType("spur_weekly_digest") + ofType("spur_lead_digest");
      if (posted >= 2 * teams.length) break;
      if (Date.now() > deadline) throw new Error(`only ${posted} of ${2 * teams.length} digests posted`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const postSeconds = seconds(t);
    const postCpuUsage = process.cpuUsage(postCpu);
    const postLoopBusy = performance.eventLoopUtilization(postLoop).utilization;
    const pgCpuSeconds = backendCpuSince(pgBefore, await backendCpu(pgAdmin)) / 1000;
    await pgAdmin.end();
    await stopPostProfile();
    const times = slack.callsTo("chat.postMessage").map((c) => c.at).sort((a, b) => a - b);
    const steady = times.length > 1 ? (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000) : NaN;
    await new Promise((r) => setTimeout(r, 500));
    const charts = [...slack.files.values()].filter((f) => f.bytes).length;
    const postCpuSeconds = (postCpuUsage.user + postCpuUsage.system) / 1e6;
    await poster.stop();

    // Phase 4: the same digests (forced sends) from several worker processes, each job delivered twice.
    const processes = Number(args["worker-processes"]);
    let acrossWorkers: WorkerDigestsResult | null = null;
    if (processes > 0) {
      const enqueuer = createSpur(config, { logger: createLogger("warn"), workers: false });
      try {
        acrossWorkers = await digestsAcrossWorkers({
          databaseUrl: env.databaseUrl,
          queuePrefix: env.queuePrefix,
          slack,
          queue: enqueuer.queues.scheduled,
          teamIds: teams.map((team) => team.id),
          processes,
          firstPort: 39_400,
        });
      } finally {
        await enqueuer.stop();
      }
    }

    console.log(`\ndigests: ${teams.length} teams × ${AGENTS} agents (one workspace)`);
    console.log(`  compute: ${fmt(teams.length / computeSeconds)} teams/s, total ${fmt(computeSeconds, 2)} s (${perTeam(digestLatencies)}, concurrency ${CONCURRENCY}; Node CPU ${fmt(computeCpuSeconds, 1)} s)`);
    console.log(
      awards
        ? `  awards:  workspace team scores (${teams.length} teams' standings) ${fmt(awards.teamScoresSeconds, 2)} s once; then ${fmt((teams.length - 1) / awards.seconds)} teams/s, total ${fmt(awards.seconds, 2)} s (${perTeam(awards.latencies)})`
        : "  awards:  skipped (--skip-awards)",
    );
    console.log(
      `  post:    ${teams.length} digests + ${teams.length} lead digests in ${fmt(postSeconds, 2)} s (boot with ${teams.length * 4} schedulers ${fmt(bootSeconds, 1)} s); ` +
        `achieved ${fmt(steady)} posts/s vs configured budget ${RATE}/s (burst ${Math.ceil(RATE * 2)}): ${fmt((100 * steady) / RATE)} % of it (target ≥ 90 %); ` +
        `${charts} of ${teams.length} charts uploaded (drawn in ${config.CHART_RENDER_THREADS === 0 ? "the main thread" : `${config.CHART_RENDER_THREADS} worker thread(s)`}); ` +
        `Node CPU ${fmt(postCpuSeconds, 1)} s (all threads), main event loop busy ${fmt(100 * postLoopBusy)} % of the phase; PostgreSQL CPU ${fmt(pgCpuSeconds, 1)} s (at least)`,
    );
    if (acrossWorkers) {
      const w = acrossWorkers;
      console.log(
        `  workers: ${w.teams} digests computed and posted by ${w.processes} worker processes, each job delivered twice, in ${fmt(w.seconds, 2)} s ` +
          `(${fmt(w.teams / w.seconds)} teams/s against a budget of ${MAX_POSTS_PER_SECOND} posts/s; at that rate 10,000 teams take ${fmt(10_000 / (w.teams / w.seconds), 1)} s, target ≤ 60 s); ` +
          `posted once ${w.postedOnce}, twice or more ${w.postedTwice}, missing ${w.missing}`,
      );
    }
    console.log(`  whole run (database, seed, phases): ${fmt(seconds(started), 1)} s`);
  } finally {
    await slack.stop();
    await env.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
