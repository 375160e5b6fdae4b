// The composition root: builds Spur from a configuration. main.ts runs it; tests start it in-process.
import { webApi } from "@slack/bolt";
import { Redis } from "ioredis";
import type { Server } from "node:http";
import { DirectMessengerByWorkspace } from "./app/direct-messengers.ts";
import { PlatformUsersByPlatform } from "./app/platform-users.ts";
import type { Services } from "./app/services.ts";
import { type Config, teamsMode } from "./config.ts";
import type { DirectMessenger } from "./core/feedback-ports.ts";
import { MemberDirectory } from "./core/member-directory.ts";
import { type Clock, type Notifier, systemClock } from "./core/ports.ts";
import { createQueueBoard } from "./http/queue-board.ts";
import { closeServer, createHttpServer, listen, type ReadinessCheck } from "./http/server.ts";
import { createIngestRoutes } from "./ingest/routes.ts";
import { bullmqDispatch, upsertAllSchedulers } from "./jobs/dispatch.ts";
import { createQueues, type SpurQueues } from "./jobs/queues.ts";
import { RedisRateBudget } from "./jobs/rate-budget.ts";
import { type SpurWorkers, startWorkers, type WorkerTimings } from "./jobs/workers.ts";
import { createLogger, type Logger } from "./logger.ts";
import { SpurMetrics } from "./metrics.ts";
import { createSlackApp } from "./slack/app.ts";
import { SlackDirectMessenger } from "./slack/slack-direct-messenger.ts";
import { SlackNotifier } from "./slack/slack-notifier.ts";
import { SlackUsers } from "./slack/slack-users.ts";
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
import { createPrisma, type Db } from "./store/prisma.ts";
import { PrismaRecognitionPromptStore } from "./store/recognition-prompt-store.ts";
import { TeamsStore } from "./store/teams-store.ts";
import { PrismaWorkspaceStore } from "./store/workspace-store.ts";
import { teamsAdapterFor, teamsRoute } from "./teams/teams-endpoint.ts";
import { DEFAULT_TEAMS_RATES, TeamsNotifier } from "./teams/teams-notifier.ts";
import { TeamsDirectMessenger } from "./teams/teams-direct-messenger.ts";
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
}

export interface Spur {
  services: Services;
  db: Db;
  queues: SpurQueues;
  server: Server;
  metrics: SpurMetrics;
  /** Listens on config.PORT (0 = any free port); returns the port. */
  start(): Promise<number>;
  /** Graceful shutdown: HTTP receiver → workers → queues → Redis → Prisma. */
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

  // Jobs use their own client: no automatic retries or rate-limit waits, so BullMQ decides when to retry.
  const jobClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: config.SLACK_API_URL,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  const lookupClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    slackApiUrl: config.SLACK_API_URL,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
  });
  const budget = new RedisRateBudget(
    redis,
    config.QUEUE_PREFIX,
    { perSecond: config.SLACK_POSTS_PER_SECOND, burst: Math.max(1, Math.ceil(config.SLACK_POSTS_PER_SECOND * 2)) },
    undefined,
    undefined,
    () => metrics.postsDelayed.inc({ reason: "budget" }),
  );
  const slackMessenger = new SlackDirectMessenger(jobClient);

  // Teams is optional: without an app id (and without the development override) there is no adapter.
  const teamsAdapter = teamsAdapterFor(config, logger);
  const teamsStore = new TeamsStore(db);
  const teamsBudget = new RedisRateBudget(
    redis,
    config.QUEUE_PREFIX,
    DEFAULT_TEAMS_RATES.workspace,
    DEFAULT_TEAMS_RATES.conversation,
    undefined,
    () => metrics.postsDelayed.inc({ reason: "budget" }),
  );

  // Direct messages (feedback requests, prompts) go out on each workspace's own platform.
  const messengers = new Map<string, DirectMessenger>();
  const messenger = new DirectMessengerByWorkspace(async (workspaceId) => {
    const known = messengers.get(workspaceId);
    if (known) return known;
    const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { platform: true } });
    let chosen: DirectMessenger = slackMessenger;
    if (workspace.platform === "teams") {
      if (!teamsAdapter) throw new Error(`Teams is not configured: cannot message people of workspace ${workspaceId}`);
      chosen = new TeamsDirectMessenger(teamsAdapter, teamsStore, teamsBudget, workspaceId);
    }
    messengers.set(workspaceId, chosen);
    return chosen;
  });

  const workspaces = new PrismaWorkspaceStore(db);
  const memberRepo = new PrismaMemberStore(db);
  const kudos = new PrismaKudosStore(db);
  const ledger = new PrismaKudosLedger(db);
  const recognitionSettings = new PrismaRecognitionSettingsStore(db);
  const feedbackRequests = new PrismaFeedbackRequestStore(db);
  const prompts = new PrismaRecognitionPromptStore(db);
  const kpiIngest = new PrismaKpiIngestStore(db);
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
        slack: new SlackUsers(() => lookupClient),
        ...(teamsAdapter ? { teams: new TeamsUsers(teamsAdapter, teamsStore) } : {}),
      }),
      clock,
    ),
    kudos,
    kpis: new PrismaKpiStore(db),
    runs: new PrismaDigestRunStore(db),
    jobs: bullmqDispatch(queues, { clock, prompts }),
    ledger,
    recognitionSettings,
    audit: recognitionSettings,
    processedEvents: new PrismaProcessedEvents(db),
    feedback: new PrismaFeedbackStore(db),
    feedbackRequests,
    roster: feedbackRequests,
    prompts,
    messenger,
    feedbackSecret: config.FEEDBACK_HASH_SECRET,
    scorecardReads: new PrismaScorecardReads(db),
    kpiTargets: new PrismaKpiTargetStore(db),
    kpiWriter: kpiIngest,
    memberLookup: kpiIngest,
    customerKudos: kpiIngest,
    apiTokens: new PrismaApiTokenStore(db),
    helpdesks: new PrismaHelpdeskStore(db),
  };

  // One notifier per workspace, on the workspace's own platform, so each spends its own posting budget.
  const notifiers = new Map<string, Notifier>();
  const notifierForWorkspace = async (workspaceId: string): Promise<Notifier> => {
    let notifier = notifiers.get(workspaceId);
    if (!notifier) {
      const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
      const onRateLimited = () => metrics.postsDelayed.inc({ reason: "platform_429" });
      if (workspace.platform === "teams") {
        if (!teamsAdapter) throw new Error(`Teams is not configured: cannot post for workspace ${workspaceId}`);
        notifier = new TeamsNotifier(teamsAdapter, teamsStore, teamsBudget, workspaceId, onRateLimited);
      } else {
        notifier = new SlackNotifier(jobClient, budget, workspace.externalId, onRateLimited, (err) =>
          logger.warn({ err, workspaceId }, "digest chart upload failed"),
        );
      }
      notifiers.set(workspaceId, notifier);
    }
    return notifier;
  };
  const notifierForTeam = async (teamId: string) => {
    const team = await db.team.findUniqueOrThrow({ where: { id: teamId } });
    return notifierForWorkspace(team.workspaceId);
  };

  const slack =
    role === "worker"
      ? undefined
      : createSlackApp(
          {
            signingSecret: config.SLACK_SIGNING_SECRET,
            botToken: config.SLACK_BOT_TOKEN,
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
    ready,
    metrics,
    logger,
  });

  let workers: SpurWorkers | undefined;
  return {
    services,
    db,
    queues,
    server,
    metrics,
    async start() {
      const port = await listen(server, config.PORT);
      await slack?.start();
      const teamCount = await upsertAllSchedulers(queues, workspaces, { prompts });
      if (runWorkers) {
        workers = startWorkers(
          queueSettings,
          {
            logger,
            metrics,
            shoutouts: { kudos, notifierForWorkspace },
            notifications: { kudos, settings: recognitionSettings, leads: ledger, notifierForWorkspace },
            digests: {
              workspaces,
              kudos,
              runs: services.runs,
              notifierFor: notifierForTeam,
              clock,
              leaseMs: options.digestLeaseMs ?? 5 * 60_000,
            },
            feedback: { ...services, summaryLeaseMs: 5 * 60_000 },
            prompts: { workspaces, prompts, messenger, clock },
          },
          options.workerTimings,
        );
      }
      logger.info(
        { port, role, teams: teamCount, workers: runWorkers, socketMode: Boolean(config.SLACK_APP_TOKEN), msTeams: teamsMode(config) },
        "Spur is listening",
      );
      return port;
    },
    async stop() {
      // Stop taking requests (in-flight ones finish), then let running jobs finish, then close connections.
      await slack?.stop();
      if (server.listening) await closeServer(server);
      await workers?.close(options.shutdownGraceMs);
      await queues.close();
      await redis.quit().catch(() => undefined);
      await db.$disconnect();
    },
  };
}
