// The outbound side of the composition root: the chat platforms' clients and posting budgets, per-workspace
// senders for the jobs, the platform directories members are looked up in, and the job dispatch.
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { MemberDirectory } from "../core/shared/member-directory.ts";
import { chartUrl } from "../http/chart-route.ts";
import { bullmqDispatch } from "../jobs/dispatch.ts";
import type { SpurQueues } from "../jobs/queues.ts";
import { RedisRateBudget } from "../jobs/rate-budget.ts";
import { OutboundByWorkspace } from "../outbound-by-workspace.ts";
import { SlackClients } from "../slack/slack-clients.ts";
import { SlackUsers } from "../slack/slack-users.ts";
import type { Db } from "../store/prisma.ts";
import type { TeamsAdapter } from "../teams/adapter.ts";
import { DEFAULT_TEAMS_RATES } from "../teams/teams-notifier.ts";
import { TeamsUsers } from "../teams/teams-users.ts";
import { PlatformUsersByPlatform } from "./platform-users.ts";
import type { Outbound, Runtime, Stores } from "./services.ts";
import type { SlackInstalls } from "./slack-installs.ts";
import type { StoreInternals } from "./stores.ts";

export interface OutboundParts {
  /** What the adapters see. */
  outbound: Outbound;
  /** What the jobs send through. */
  byWorkspace: OutboundByWorkspace;
}

export function createOutbound(input: {
  config: Config;
  db: Db;
  redis: Redis;
  runtime: Runtime;
  stores: Stores;
  internals: StoreInternals;
  queues: SpurQueues;
  installs: SlackInstalls;
  teamsAdapter: TeamsAdapter | undefined;
}): OutboundParts {
  const { config, db, redis, runtime, stores, internals, queues, installs, teamsAdapter } = input;
  const { logger, metrics, clock } = runtime;
  const delayed = () => metrics.postsDelayed.inc({ reason: "budget" });
  const slackClients = new SlackClients(installs.tokens, config.SLACK_API_URL);
  const slackBurst = Math.max(1, Math.ceil(config.SLACK_POSTS_PER_SECOND * 2));
  const slackBudget = new RedisRateBudget(redis, config.QUEUE_PREFIX, { perSecond: config.SLACK_POSTS_PER_SECOND, burst: slackBurst }, undefined, undefined, delayed);
  const teamsBudget = new RedisRateBudget(redis, config.QUEUE_PREFIX, DEFAULT_TEAMS_RATES.tenant, DEFAULT_TEAMS_RATES.conversation, undefined, delayed);
  const teamsStore = internals.teamsStore;
  // Teams shows card images from a URL: digest charts are stored and served under PUBLIC_URL.
  const publicUrl = config.PUBLIC_URL;
  const byWorkspace = new OutboundByWorkspace({
    db,
    logger,
    metrics,
    slackClients,
    slackBudget,
    teams: { adapter: teamsAdapter, store: teamsStore, budget: teamsBudget },
    ...(publicUrl
      ? { publishChart: async (chart: { teamId: string; periodKey: string; png: Buffer }) => chartUrl(publicUrl, await internals.charts.save(chart.teamId, chart.periodKey, chart.png)) }
      : {}),
  });
  const members = new MemberDirectory(
    stores.memberRepo,
    new PlatformUsersByPlatform({
      slack: new SlackUsers((workspace) => slackClients.forTeam(workspace.externalId, "lookups")),
      ...(teamsAdapter ? { teams: new TeamsUsers(teamsAdapter, teamsStore) } : {}),
    }),
    clock,
  );
  return {
    byWorkspace,
    outbound: {
      jobs: bullmqDispatch(queues, { clock, prompts: stores.prompts, teamPosts: stores.teamPosts }),
      messengerFor: (workspaceId) => byWorkspace.messengerFor(workspaceId),
      members,
      slackInstalls: installs.registry,
    },
  };
}
