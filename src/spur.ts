// The composition root: builds Spur from a configuration (stores, outbound and worker deps each in src/app/).
// main.ts runs it; tests start it in-process.
import { Redis } from "ioredis";
import type { Server } from "node:http";
import type { Runtime, Services } from "./app/services.ts";
import { createStores } from "./app/stores.ts";
import { secretCipher } from "./app/secret-cipher.ts";
import { workerDeps } from "./app/worker-deps.ts";
import { createOutbound } from "./app/outbound.ts";
import { slackInstalls } from "./app/slack-installs.ts";
import { type Config, teamsMode } from "./config.ts";
import { type Clock, systemClock } from "./core/shared/ports.ts";
import { createChartRoute } from "./http/chart-route.ts";
import { createQueueBoard } from "./http/queue-board.ts";
import { closeServer, createHttpServer, listen, type ReadinessCheck } from "./http/server.ts";
import { createIngestRoutes } from "./ingest/routes.ts";
import { upsertAllSchedulers } from "./jobs/dispatch.ts";
import { enqueueRosterSyncs } from "./jobs/roster-sync.ts";
import { OutboxRelay, type OutboxRelayOptions } from "./jobs/outbox-relay.ts";
import { createQueues, type SpurQueues } from "./jobs/queues.ts";
import { type SpurWorkers, startWorkers, type WorkerTimings } from "./jobs/workers.ts";
import { createLogger, type Logger } from "./logger.ts";
import { SpurMetrics } from "./metrics.ts";
import type { ChartRenderer } from "./render/chart-renderer.ts";
import { createSlackApp } from "./slack/app.ts";
import { PrismaOutbox } from "./store/outbox-store.ts";
import { createPrisma, type Db } from "./store/prisma.ts";
import { teamsAdapterFor, teamsRoute } from "./teams/teams-endpoint.ts";

/** `web` serves chat platforms, `worker` runs background jobs, `all` does both (the default). */
export type SpurRole = "all" | "web" | "worker";

export interface SpurOptions {
  role?: SpurRole;
  clock?: Clock;
  logger?: Logger;
  /** Run the BullMQ workers in this process (default: unless role is `web`). */
  workers?: boolean;
  /** How long a digest claim is held before another worker may take it over. */
  digestLeaseMs?: number;
  /** BullMQ lock and stalled-check timings (tests shorten them to exercise crash recovery). */
  workerTimings?: WorkerTimings;
  /** How long shutdown waits for running jobs before closing workers anyway (default 25 s). */
  shutdownGraceMs?: number;
  /** The outbox relay's poll interval, lease and timeouts (tests shorten them). */
  outboxRelay?: OutboxRelayOptions;
  /** Connections in the PostgreSQL pool (default 10). */
  databasePoolSize?: number;
  /** What draws digest charts (default: CHART_RENDER_THREADS worker threads); closed by stop() either way. */
  chartRenderer?: ChartRenderer;
}

export interface Spur {
  services: Services;
  db: Db;
  queues: SpurQueues;
  /** Hands gift follow-ups from the outbox to the queues; runs in the `worker` and `all` roles. */
  outboxRelay: OutboxRelay;
  server: Server;
  metrics: SpurMetrics;
  /** Draws digest charts, in worker threads unless CHART_RENDER_THREADS is 0. */
  charts: ChartRenderer;
  /** Listens on config.PORT (0 = any free port); returns the port. */
  start(): Promise<number>;
  /** Graceful shutdown: HTTP receiver → outbox relay → workers → chart threads → queues → Redis → Prisma. */
  stop(): Promise<void>;
}

export function createSpur(config: Config, options: SpurOptions = {}): Spur {
  const role = options.role ?? "all";
  const runWorkers = options.workers ?? role !== "web";
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const metrics = new SpurMetrics({ defaultMetrics: config.NODE_ENV !== "test" });
  const db = createPrisma(config.DATABASE_URL, {
    ...(options.databasePoolSize ? { poolSize: options.databasePoolSize } : {}),
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  const queueSettings = { connection: redis, prefix: config.QUEUE_PREFIX };
  const queues = createQueues(queueSettings);

  // Follow-ups (shoutouts, recipients' notes) are written with their gift and relayed to the queues from the
  // outbox: a gift is confirmed even while Redis is away, and its posts go out, once, when it is back.
  const outbox = new PrismaOutbox(db);
  const outboxRelay = new OutboxRelay({ outbox, queues, logger, metrics, connected: () => redis.status === "ready" }, options.outboxRelay);
  metrics.outboxBacklogSource = () => outbox.backlog();

  const { stores, internals } = createStores(db, { cipher: secretCipher(config), outboxWritten: () => outboxRelay.nudge() });
  const { workspaces } = internals;
  const { prompts } = stores;

  // Each Slack workspace's bot token: from the environment, or from its OAuth install.
  const installs = slackInstalls(config, db, redis, logger, (teamId) => enqueueRosterSyncs(queues, clock, [{ platform: "slack", externalId: teamId }]));
  // Teams is optional: without an app id (and without the development override) there is no adapter.
  const teamsAdapter = teamsAdapterFor(config, logger);
  const runtime: Runtime = { clock, logger, metrics, defaultTimeZone: config.DEFAULT_TIME_ZONE, feedbackSecret: config.FEEDBACK_HASH_SECRET };
  const { outbound, byWorkspace, roster, charts: chartRenderer } = createOutbound({
    config,
    db,
    redis,
    runtime,
    stores,
    internals,
    queues,
    installs,
    teamsAdapter,
    ...(options.chartRenderer ? { charts: options.chartRenderer } : {}),
  });
  const services: Services = { ...runtime, ...stores, ...outbound };
  const teamsStore = internals.teamsStore;
  const charts = internals.charts;

  const slack =
    role === "worker"
      ? undefined
      : createSlackApp(
          {
            signingSecret: config.SLACK_SIGNING_SECRET,
            botToken: config.SLACK_BOT_TOKEN,
            oauth: installs.oauth,
            apiUrl: config.SLACK_API_URL,
            appToken: config.SLACK_APP_TOKEN,
            commandsViaBolt: config.SLACK_COMMANDS_VIA_BOLT,
          },
          services,
        );
  const ready = async (): Promise<ReadinessCheck> => {
    const checks: ReadinessCheck["checks"] = {};
    const within = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), 2000).unref())]);
    // Anyone who can reach the port may ask: the answer names no host, error or query; the log has the cause.
    const check = (name: string, p: Promise<unknown>) =>
      within(p).then(
        () => (checks[name] = "ok"),
        (err: unknown) => {
          logger.warn({ check: name, cause: err instanceof Error ? err.message : String(err) }, "readiness check failed");
          checks[name] = "unavailable";
        },
      );
    await Promise.all([check("postgres", db.$queryRaw`SELECT 1`), check("redis", redis.ping())]);
    return { ok: Object.values(checks).every((c) => c === "ok"), checks };
  };
  const teams = role !== "worker" && teamsAdapter ? teamsRoute(teamsAdapter, { services, store: teamsStore, bootstrapAdmins: config.SPUR_BOOTSTRAP_ADMINS }) : undefined;
  const server = createHttpServer({
    ...(slack?.requestListener ? { slack: slack.requestListener } : {}),
    ...(teams ? { teams } : {}),
    ...(config.ADMIN_TOKEN ? { queueBoard: createQueueBoard([queues.posts, queues.scheduled], { token: config.ADMIN_TOKEN, writes: config.QUEUE_BOARD_WRITES, logger }) } : {}),
    ingest: createIngestRoutes(services, {
      csv: { maxBytes: config.CSV_MAX_BYTES, maxLineLength: config.CSV_MAX_LINE_LENGTH, maxRows: config.CSV_MAX_ROWS },
    }),
    charts: createChartRoute(charts),
    ready,
    metrics,
    logger,
  });

  let workers: SpurWorkers | undefined;
  return {
    services,
    db,
    queues,
    outboxRelay,
    server,
    metrics,
    charts: chartRenderer,
    async start() {
      // Helpdesk secrets an earlier version stored in plaintext are encrypted before anything reads them.
      const encrypted = await internals.helpdesks.encryptPlaintextSecrets();
      if (encrypted > 0) logger.info({ encrypted }, "encrypted helpdesk secrets stored in plaintext");
      const port = await listen(server, config.PORT);
      await slack?.start();
      const schedulers = await upsertAllSchedulers(queues, workspaces, { prompts, teamPosts: workspaces });
      if (schedulers.removed.length > 0) logger.info({ removed: schedulers.removed }, "removed the schedulers of deleted teams");
      // Not in a web process: queueing the follow-ups cost it a BullMQ add per row (CPU every request waits
      // behind); a worker's relay polls the outbox every half second instead of being nudged by the commit.
      if (role !== "web") outboxRelay.start();
      if (runWorkers) {
        // Rosters not yet read today (a new single-workspace install, a missed daily run) are read now.
        await enqueueRosterSyncs(queues, clock, await internals.rosterRuns.targets());
        workers = startWorkers(
          queueSettings,
          workerDeps(runtime, stores, internals, byWorkspace, roster, queues, { digestMs: options.digestLeaseMs ?? 5 * 60_000, summaryMs: 5 * 60_000 }),
          options.workerTimings,
        );
      }
      logger.info(
        { port, role, teams: schedulers.teams, workers: runWorkers, socketMode: Boolean(config.SLACK_APP_TOKEN), slackOAuth: Boolean(installs.oauth), msTeams: teamsMode(config) },
        "Spur is listening",
      );
      return port;
    },
    async stop() {
      // Stop taking requests (in-flight ones finish), then let running jobs finish, then close connections.
      await slack?.stop();
      if (server.listening) await closeServer(server);
      // Requests are done, so no new follow-ups: the relay's last pass ends before the queues close.
      await outboxRelay.stop();
      await workers?.close(options.shutdownGraceMs);
      // No job is left to post a chart: the threads drawing them stop.
      await chartRenderer.close();
      await queues.close();
      await redis.quit().catch(() => undefined);
      await db.$disconnect();
    },
  };
}
