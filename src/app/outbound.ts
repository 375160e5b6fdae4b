// The outbound side of the composition root: the chat platforms' clients and posting budgets, per-workspace
// senders for the jobs, the platform directories members are looked up in, and the job dispatch.
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { MemberDirectory } from "../core/shared/member-directory.ts";
import { chartUrl } from "../http/chart-route.ts";
import { bullmqDispatch } from "../jobs/dispatch.ts";
import { type ChartRenderer, createChartRenderer } from "../render/chart-renderer.ts";
import type { SpurQueues } from "../jobs/queues.ts";
import { type Rate, type RateBudget, RedisRateBudget } from "../jobs/rate-budget.ts";
import type { PlatformUsers } from "../core/shared/ports.ts";
import type { PlatformRoster } from "../core/shared/roster.ts";
import { OutboundByWorkspace } from "../outbound-by-workspace.ts";
import { SlackClients } from "../slack/slack-clients.ts";
import { SlackRoster, SlackUsers } from "../slack/slack-users.ts";
import { SlackUserGroups } from "../slack/slack-user-groups.ts";
import type { UserGroupDirectory } from "../core/admin/user-group-ports.ts";
import type { Db } from "../store/prisma.ts";
import type { TeamsAdapter } from "../teams/adapter.ts";
import { DEFAULT_TEAMS_RATES } from "../teams/teams-notifier.ts";
import { TeamsUsers } from "../teams/teams-users.ts";
import { PlatformRosterByPlatform, PlatformUsersByPlatform } from "./platform-users.ts";
import type { Outbound, Runtime, Stores } from "./services.ts";
import type { SlackInstalls } from "./slack-installs.ts";
import type { StoreInternals } from "./stores.ts";

/** Background user look-ups per workspace: well inside Slack's users.info limit (Tier 4, about 100 a minute). */
const LOOKUP_RATE: Rate = { perSecond: 1, burst: 10 };

/** What the roster jobs read people with (see jobs/roster-sync.ts and jobs/resolve-members.ts). */
export interface RosterSources {
  /** Look-ups for background work: a rate limit is reported, and the job is delayed. */
  backgroundUsers: PlatformUsers;
  platformRoster: PlatformRoster;
  lookupBudget: RateBudget;
  /** User groups for background work: a rate limit is reported, and the job is delayed. */
  userGroups: UserGroupDirectory;
}

export interface OutboundParts {
  /** What the adapters see. */
  outbound: Outbound;
  /** What the jobs send through. */
  byWorkspace: OutboundByWorkspace;
  roster: RosterSources;
  /** Draws the digests' charts; closed on shutdown, after the jobs. */
  charts: ChartRenderer;
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
  /** What draws digest charts; default: CHART_RENDER_THREADS worker threads. */
  charts?: ChartRenderer;
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
  const charts =
    input.charts ?? createChartRenderer({ threads: config.CHART_RENDER_THREADS, onThreadError: (err) => logger.error({ err }, "chart drawing thread failed") });
  const byWorkspace = new OutboundByWorkspace({
    db,
    logger,
    metrics,
    slackClients,
    slackBudget,
    teams: { adapter: teamsAdapter, store: teamsStore, budget: teamsBudget },
    renderChart: charts.render,
    ...(publicUrl
      ? { publishChart: async (chart: { teamId: string; periodKey: string; png: Buffer }) => chartUrl(publicUrl, await internals.charts.save(chart.teamId, chart.periodKey, chart.png)) }
      : {}),
  });
  const jobs = bullmqDispatch(queues, { clock, prompts: stores.prompts, teamPosts: stores.teamPosts });
  const teamsUsers = teamsAdapter ? new TeamsUsers(teamsAdapter, teamsStore, config.SPUR_BOOTSTRAP_ADMINS) : undefined;
  // The request path's look-ups may wait out a rate limit; background ones report it, and their job is delayed.
  const slackClientFor = (kind: "jobs" | "lookups") => (workspace: { externalId: string }) => slackClients.forTeam(workspace.externalId, kind);
  const members = new MemberDirectory(
    stores.memberRepo,
    new PlatformUsersByPlatform({
      slack: new SlackUsers(slackClientFor("lookups")),
      ...(teamsUsers ? { teams: teamsUsers } : {}),
    }),
    clock,
    undefined,
    {
      // Slack's users.info is rate-limited per workspace: a gift does not wait for it. The Teams roster
      // look-up also tells whether the person is in the team at all, so gifts there still make it.
      provisionalIn: (workspace) => workspace.platform === "slack",
    },
  );
  const roster: RosterSources = {
    backgroundUsers: new PlatformUsersByPlatform({ slack: new SlackUsers(slackClientFor("jobs")), ...(teamsUsers ? { teams: teamsUsers } : {}) }),
    platformRoster: new PlatformRosterByPlatform({ slack: new SlackRoster(slackClientFor("jobs")), ...(teamsUsers ? { teams: teamsUsers } : {}) }),
    // A look-up waits at most a second for the budget; beyond that its job is delayed, so look-ups never hold
    // the posts queue's workers that shoutouts and DMs need.
    lookupBudget: new RedisRateBudget(redis, config.QUEUE_PREFIX, LOOKUP_RATE, LOOKUP_RATE, 1_000),
    userGroups: new SlackUserGroups(slackClientFor("jobs")),
  };
  return {
    byWorkspace,
    roster,
    charts,
    outbound: {
      jobs,
      messengerFor: (workspaceId) => byWorkspace.messengerFor(workspaceId),
      members,
      slackInstalls: installs.registry,
      userGroups: new SlackUserGroups(slackClientFor("lookups")),
    },
  };
}
