// The composition root: builds Spur from a configuration. main.ts runs it; tests start it in-process.
import { Redis } from "ioredis";
import type { Server } from "node:http";
import { PlatformUsersByPlatform } from "./app/platform-users.ts";
import type { Services } from "./app/services.ts";
import { slackInstalls } from "./app/slack-installs.ts";
import { type Config, teamsMode } from "./config.ts";
import { MemberDirectory } from "./core/shared/member-directory.ts";
import { type Clock, systemClock } from "./core/shared/ports.ts";
import { chartUrl, createChartRoute } from "./http/chart-route.ts";
import { createQueueBoard } from "./http/queue-board.ts";
import { closeServer, createHttpServer, listen, type ReadinessCheck } from "./http/server.ts";
import { createIngestRoutes } from "./ingest/routes.ts";
import { bullmqDispatch, upsertAllSchedulers } from "./jobs/dispatch.ts";
import { enqueueLeadDigest } from "./jobs/lead-digest.ts";
import { OutboxRelay, type OutboxRelayOptions } from "./jobs/outbox-relay.ts";
import { createQueues, type SpurQueues } from "./jobs/queues.ts";
import { RedisRateBudget } from "./jobs/rate-budget.ts";
import { PrismaMonthlyTeamScores } from "./store/monthly-team-scores-store.ts";
import { type SpurWorkers, startWorkers, type WorkerTimings } from "./jobs/workers.ts";
import { createLogger, type Logger } from "./logger.ts";
import { OutboundByWorkspace } from "./outbound-by-workspace.ts";
import { SpurMetrics } from "./metrics.ts";
import { createSlackApp } from "./slack/app.ts";
import { SlackClients } from "./slack/slack-clients.ts";
import { SlackUsers } from "./slack/slack-users.ts";
import { PrismaDataExportStore } from "./store/data-export-store.ts";
import { PrismaMemberEraser } from "./store/member-erasure-store.ts";
import { PrismaDigestChartStore } from "./store/digest-chart-store.ts";
import { PrismaDigestReads } from "./store/digest-reads-store.ts";
import { PrismaDigestRunStore } from "./store/digest-run-store.ts";
import { PrismaFeedbackRequestStore } from "./store/feedback-request-store.ts";
import { PrismaFeedbackStore } from "./store/feedback-store.ts";
import { PrismaKpiStore } from "./store/kpi-store.ts";
import { PrismaKudosLedger } from "./store/kudos-ledger-store.ts";
import { PrismaApiTokenStore } from "./store/api-token-store.ts";
import { PrismaHelpdeskStore } from "./store/helpdesk-store.ts";
import { PrismaKpiIngestStore } from "./store/kpi-ingest-store.ts";
import { PrismaKpiTargetStore } from "./store/kpi-target-store.ts";
import { PrismaScorecardReads } from "./store/scorecard-reads-store.ts";
import { PrismaKudosStore } from "./store/kudos-store.ts";
import { PrismaProcessedEvents, PrismaRecognitionSettingsStore } from "./store/recognition-settings-store.ts";
import { PrismaMemberStore } from "./store/member-store.ts";
import { PrismaOutbox } from "./store/outbox-store.ts";
import { createPrisma, type Db } from "./store/prisma.ts";
import { PrismaRecognitionPromptStore } from "./store/recognition-prompt-store.ts";
import { TeamsStore } from "./store/teams-store.ts";
import { PrismaWorkspaceStore } from "./store/workspace-store.ts";
import { teamsAdapterFor, teamsRoute } from "./teams/teams-endpoint.ts";
import { DEFAULT_TEAMS_RATES } from "./teams/teams-notifier.ts";
import { TeamsUsers } from "./teams/teams-users.ts";

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
}

export interface Spur {
  services: Services;
  db: Db;
  queues: SpurQueues;
  /** Hands gift follow-ups from the outbox to the queues; runs in every role. */
  outboxRelay: OutboxRelay;
  server: Server;
  metrics: SpurMetrics;
  /** Listens on config.PORT (0 = any free port); returns the port. */
  start(): Promise<number>;
  /** Graceful shutdown: HTTP receiver → outbox relay → workers → queues → Redis → Prisma. */
  stop(): Promise<void>;
}

export function createSpur(config: Config, options: SpurOptions = {}): Spur {
  const role = options.role ?? "all";
  const runWorkers = options.workers ?? role !== "web";
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const metrics = new SpurMetrics({ defaultMetrics: config.NODE_ENV !== "test" });
  const db = createPrisma(config.DATABASE_URL);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  const queueSettings = { connection: redis, prefix: config.QUEUE_PREFIX };
  const queues = createQueues(queueSettings);

  // Each Slack workspace's bot token: from the environment, or from its OAuth install.
  const installs = slackInstalls(config, db, logger);
  const slackClients = new SlackClients(installs.tokens, config.SLACK_API_URL);
  const budget = new RedisRateBudget(
    redis,
    config.QUEUE_PREFIX,
    { perSecond: config.SLACK_POSTS_PER_SECOND, burst: Math.max(1, Math.ceil(config.SLACK_POSTS_PER_SECOND * 2)) },
    undefined,
    undefined,
    () => metrics.postsDelayed.inc({ reason: "budget" }),
  );

  // Teams is optional: without an app id (and without the development override) there is no adapter.
  const teamsAdapter = teamsAdapterFor(config, logger);
  const teamsStore = new TeamsStore(db);
  const teamsBudget = new RedisRateBudget(
    redis,
    config.QUEUE_PREFIX,
    DEFAULT_TEAMS_RATES.tenant,
    DEFAULT_TEAMS_RATES.conversation,
    undefined,
    () => metrics.postsDelayed.inc({ reason: "budget" }),
  );

  // Follow-ups (shoutouts, recipients' notes) are written with their gift and relayed to the queues from the
  // outbox: a gift is confirmed even while Redis is away, and its posts go out, once, when it is back.
  const outbox = new PrismaOutbox(db);
  const outboxRelay = new OutboxRelay(
    { outbox, queues, logger, metrics, connected: () => redis.status === "ready" },
    options.outboxRelay,
  );
  metrics.outboxBacklogSource = () => outbox.backlog();
  const outboxWritten = () => outboxRelay.nudge();

  const workspaces = new PrismaWorkspaceStore(db);
  const memberRepo = new PrismaMemberStore(db);
  const kudos = new PrismaKudosStore(db);
  const ledger = new PrismaKudosLedger(db, outboxWritten);
  const recognitionSettings = new PrismaRecognitionSettingsStore(db);
  const feedbackRequests = new PrismaFeedbackRequestStore(db);
  const prompts = new PrismaRecognitionPromptStore(db);
  const kpiIngest = new PrismaKpiIngestStore(db, outboxWritten);
  const dataExports = new PrismaDataExportStore(db);
  const services: Services = {
    clock,
    logger,
    metrics,
    defaultTimeZone: config.DEFAULT_TIME_ZONE,
    workspaces,
    memberRepo,
    members: new MemberDirectory(
      memberRepo,
      new PlatformUsersByPlatform({
        slack: new SlackUsers((workspace) => slackClients.forTeam(workspace.externalId, "lookups")),
        ...(teamsAdapter ? { teams: new TeamsUsers(teamsAdapter, teamsStore) } : {}),
      }),
      clock,
    ),
    kudos,
    kpis: new PrismaKpiStore(db),
    runs: new PrismaDigestRunStore(db),
    jobs: bullmqDispatch(queues, { clock, prompts, teamPosts: workspaces }),
    teamPosts: workspaces,
    ledger,
    recognitionSettings,
    audit: recognitionSettings,
    processedEvents: new PrismaProcessedEvents(db),
    feedback: new PrismaFeedbackStore(db),
    feedbackRequests,
    roster: feedbackRequests,
    prompts,
    messengerFor: (workspaceId) => messengerFor(workspaceId),
    feedbackSecret: config.FEEDBACK_HASH_SECRET,
    scorecardReads: new PrismaScorecardReads(db),
    kpiTargets: new PrismaKpiTargetStore(db),
    kpiWriter: kpiIngest,
    memberLookup: kpiIngest,
    customerKudos: kpiIngest,
    apiTokens: new PrismaApiTokenStore(db),
    helpdesks: new PrismaHelpdeskStore(db),
    auditLog: dataExports,
    eraser: new PrismaMemberEraser(db),
    slackInstalls: installs.registry,
    digestReads: new PrismaDigestReads(db),
  };

  // Teams shows card images from a URL: digest charts are stored and served under PUBLIC_URL.
  const charts = new PrismaDigestChartStore(db);
  const publicUrl = config.PUBLIC_URL;
  const outbound = new OutboundByWorkspace({
    db,
    logger,
    metrics,
    slackClients,
    slackBudget: budget,
    teams: { adapter: teamsAdapter, store: teamsStore, budget: teamsBudget },
    ...(publicUrl
      ? { publishChart: async (chart: { teamId: string; periodKey: string; png: Buffer }) => chartUrl(publicUrl, await charts.save(chart.teamId, chart.periodKey, chart.png)) }
      : {}),
  });
  const notifierForWorkspace = (workspaceId: string) => outbound.notifierFor(workspaceId);
  const notifierForTeam = (teamId: string) => outbound.notifierForTeam(teamId);
  const messengerFor = (workspaceId: string) => outbound.messengerFor(workspaceId);
  const exportDeliveryFor = (workspaceId: string) => outbound.exportDeliveryFor(workspaceId);

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
          },
          services,
        );
  const ready = async (): Promise<ReadinessCheck> => {
    const checks: ReadinessCheck["checks"] = {};
    const within = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), 2000).unref())]);
    await Promise.all([
      within(db.$queryRaw`SELECT 1`).then(() => (checks.postgres = "ok"), (e: unknown) => (checks.postgres = String(e instanceof Error ? e.message : e))),
      within(redis.ping()).then(() => (checks.redis = "ok"), (e: unknown) => (checks.redis = String(e instanceof Error ? e.message : e))),
    ]);
    return { ok: Object.values(checks).every((c) => c === "ok"), checks };
  };
  const teams = role !== "worker" && teamsAdapter ? teamsRoute(teamsAdapter, { services, store: teamsStore }) : undefined;
  const server = createHttpServer({
    ...(slack?.requestListener ? { slack: slack.requestListener } : {}),
    ...(teams ? { teams } : {}),
    ...(config.ADMIN_TOKEN ? { queueBoard: createQueueBoard([queues.posts, queues.scheduled], config.ADMIN_TOKEN) } : {}),
    ingest: createIngestRoutes(services),
    charts: createChartRoute(charts),
    ready,
    metrics,
    logger,
  });

  const digestDeps = {
    workspaces,
    scorecardReads: services.scorecardReads,
    kpiTargets: services.kpiTargets,
    digestReads: services.digestReads,
    runs: services.runs,
    notifierFor: notifierForTeam,
    clock,
    leaseMs: options.digestLeaseMs ?? 5 * 60_000,
  };
  let workers: SpurWorkers | undefined;
  return {
    services,
    db,
    queues,
    outboxRelay,
    server,
    metrics,
    async start() {
      const port = await listen(server, config.PORT);
      await slack?.start();
      const schedulers = await upsertAllSchedulers(queues, workspaces, { prompts, teamPosts: workspaces });
      if (schedulers.removed.length > 0) logger.info({ removed: schedulers.removed }, "removed the schedulers of deleted teams");
      outboxRelay.start();
      if (runWorkers) {
        workers = startWorkers(
          queueSettings,
          {
            logger,
            metrics,
            ...digestDeps,
            kudos,
            teamPosts: workspaces,
            teamScores: new PrismaMonthlyTeamScores(db),
            leads: ledger,
            leadDigests: (input) => enqueueLeadDigest(queues, input),
            recognitionSettings,
            notifierForWorkspace,
            feedback: services.feedback,
            feedbackRequests,
            messengerFor,
            summaryLeaseMs: 5 * 60_000,
            prompts,
            exportReads: dataExports,
            exportDeliveryFor,
          },
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
      await queues.close();
      await redis.quit().catch(() => undefined);
      await db.$disconnect();
    },
  };
}
