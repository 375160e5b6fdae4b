// The composition root: builds Spur from a configuration. main.ts runs it; tests start it in-process.
import { webApi } from "@slack/bolt";
import { Redis } from "ioredis";
import type { Server } from "node:http";
import type { Services } from "./app/services.ts";
import type { Config } from "./config.ts";
import { MemberDirectory } from "./core/member-directory.ts";
import { type Clock, systemClock } from "./core/ports.ts";
import { closeServer, createHttpServer, listen } from "./http/server.ts";
import { createIngestRoutes } from "./ingest/routes.ts";
import { bullmqDispatch, upsertAllSchedulers } from "./jobs/dispatch.ts";
import { createQueues, type SpurQueues } from "./jobs/queues.ts";
import { type SpurWorkers, startWorkers } from "./jobs/workers.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createSlackApp } from "./slack/app.ts";
import { SlackNotifier } from "./slack/slack-notifier.ts";
import { SlackUsers } from "./slack/slack-users.ts";
import { PrismaDigestRunStore } from "./store/digest-run-store.ts";
import { PrismaApiTokenStore } from "./store/api-token-store.ts";
import { PrismaHelpdeskStore } from "./store/helpdesk-store.ts";
import { PrismaKpiIngestStore } from "./store/kpi-ingest-store.ts";
import { PrismaKpiStore } from "./store/kpi-store.ts";
import { PrismaKpiTargetStore } from "./store/kpi-target-store.ts";
import { PrismaScorecardReads } from "./store/scorecard-reads-store.ts";
import { PrismaKudosStore } from "./store/kudos-store.ts";
import { PrismaMemberStore } from "./store/member-store.ts";
import { createPrisma, type Db } from "./store/prisma.ts";
import { PrismaWorkspaceStore } from "./store/workspace-store.ts";

export interface SpurOptions {
  clock?: Clock;
  logger?: Logger;
  /** Run the BullMQ workers in this process (default true). */
  workers?: boolean;
  /** How long a digest claim is held before another worker may take it over. */
  digestLeaseMs?: number;
}

export interface Spur {
  services: Services;
  db: Db;
  queues: SpurQueues;
  server: Server;
  /** Listens on config.PORT (0 = any free port); returns the port. */
  start(): Promise<number>;
  /** Graceful shutdown: HTTP receiver → workers → queues → Redis → Prisma. */
  stop(): Promise<void>;
}

export function createSpur(config: Config, options: SpurOptions = {}): Spur {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const db = createPrisma(config.DATABASE_URL);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
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
  const notifier = new SlackNotifier(jobClient);

  const workspaces = new PrismaWorkspaceStore(db);
  const memberRepo = new PrismaMemberStore(db);
  const kudos = new PrismaKudosStore(db);
  const kpiIngest = new PrismaKpiIngestStore(db);
  const services: Services = {
    clock,
    logger,
    defaultTimeZone: config.DEFAULT_TIME_ZONE,
    workspaces,
    memberRepo,
    members: new MemberDirectory(memberRepo, new SlackUsers(() => lookupClient), clock),
    kudos,
    kpis: new PrismaKpiStore(db),
    runs: new PrismaDigestRunStore(db),
    jobs: bullmqDispatch(queues),
    scorecardReads: new PrismaScorecardReads(db),
    kpiTargets: new PrismaKpiTargetStore(db),
    kpiWriter: kpiIngest,
    memberLookup: kpiIngest,
    customerKudos: kpiIngest,
    apiTokens: new PrismaApiTokenStore(db),
    helpdesks: new PrismaHelpdeskStore(db),
  };

  const slack = createSlackApp(
    { signingSecret: config.SLACK_SIGNING_SECRET, botToken: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL },
    services,
  );
  const server = createHttpServer({ slack: slack.receiver.requestListener, ingest: createIngestRoutes(services) });

  let workers: SpurWorkers | undefined;
  return {
    services,
    db,
    queues,
    server,
    async start() {
      const port = await listen(server, config.PORT);
      const teams = await upsertAllSchedulers(queues, workspaces);
      if (options.workers !== false) {
        workers = startWorkers(queueSettings, {
          logger,
          shoutouts: { kudos, notifierForWorkspace: async () => notifier },
          digests: {
            workspaces,
            kudos,
            runs: services.runs,
            notifierFor: async () => notifier,
            clock,
            leaseMs: options.digestLeaseMs ?? 5 * 60_000,
          },
        });
      }
      logger.info({ port, teams, workers: options.workers !== false }, "Spur is listening");
      return port;
    },
    async stop() {
      if (server.listening) await closeServer(server);
      await workers?.close();
      await queues.close();
      await redis.quit().catch(() => undefined);
      await db.$disconnect();
    },
  };
}
