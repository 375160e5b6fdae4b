// What background jobs send through, per workspace and on the workspace's own platform: channel posts
// (notifiers), direct messages and export files. Slack goes out with the workspace's current token (none once
// Spur is uninstalled there: the job skips); Teams through its adapter and stored conversation references.
import type { webApi } from "@slack/bolt";
import type { ExportDelivery } from "./core/data-rights/data-rights-ports.ts";
import { ErrorCode, SpurError } from "./core/shared/errors.ts";
import type { DirectMessenger } from "./core/feedback/feedback-ports.ts";
import type { Platform } from "./core/shared/model.ts";
import type { Notifier } from "./core/outbound/notifier.ts";
import type { OutboundMessage } from "./core/outbound/outbound-message.ts";
import { msg } from "./i18n/message.ts";
import { DEFAULT_LOCALE, type Locale, parseLocale } from "./i18n/locale.ts";
import { postLocale } from "./use-cases/posts/present-outbound.ts";
import type { RateBudget } from "./jobs/rate-budget.ts";
import type { RenderChart } from "./render/chart-renderer.ts";
import type { Logger } from "./logger.ts";
import type { SpurMetrics } from "./metrics.ts";
import type { SlackClients } from "./slack/slack-clients.ts";
import { SlackDirectMessenger } from "./slack/slack-direct-messenger.ts";
import { SlackExportDelivery } from "./slack/slack-export-delivery.ts";
import { SlackNotifier } from "./slack/slack-notifier.ts";
import type { Db } from "./store/prisma.ts";
import type { TeamsStore } from "./store/teams-store.ts";
import type { TeamsAdapter } from "./teams/adapter.ts";
import { TeamsDirectMessenger } from "./teams/teams-direct-messenger.ts";
import { TeamsExportDelivery } from "./teams/teams-export-delivery.ts";
import { type PublishChart, TeamsNotifier, teamsTenantOf } from "./teams/teams-notifier.ts";

interface WorkspaceRef {
  platform: Platform;
  externalId: string;
}

export interface OutboundDeps {
  db: Db;
  logger: Logger;
  metrics: SpurMetrics;
  slackClients: SlackClients;
  slackBudget: RateBudget;
  teams: { adapter: TeamsAdapter | undefined; store: TeamsStore; budget: RateBudget };
  /** Draws digests' charts (render/chart-renderer.ts). */
  renderChart: RenderChart;
  /** Stores a digest's chart where Teams can fetch it and returns its URL; absent, Teams digests have no chart. */
  publishChart?: PublishChart;
}

export class OutboundByWorkspace {
  // A workspace's platform and external id never change: looked up once.
  private readonly refs = new Map<string, WorkspaceRef>();
  // Teams senders are kept per workspace; Slack messengers per client (i.e. per token), keeping their DM channels.
  private readonly teamsNotifiers = new Map<string, Notifier>();
  private readonly teamsMessengers = new Map<string, DirectMessenger>();
  private readonly slackMessengers = new Map<string, { client: webApi.WebClient; messenger: SlackDirectMessenger }>();

  constructor(private readonly deps: OutboundDeps) {}

  /** One notifier per workspace, so each spends its own posting budget; null when Spur is uninstalled there. */
  async notifierFor(workspaceId: string): Promise<Notifier | null> {
    const { logger, metrics } = this.deps;
    const workspace = await this.ref(workspaceId);
    const onRateLimited = () => metrics.postsDelayed.inc({ reason: "platform_429" });
    if (workspace.platform === "teams") {
      const adapter = this.teamsAdapter(workspaceId, "post");
      let notifier = this.teamsNotifiers.get(workspaceId);
      if (!notifier) {
        const { store, budget } = this.deps.teams;
        const localeOf = this.localeOf(workspaceId);
        notifier = new TeamsNotifier(adapter, store, budget, workspaceId, teamsTenantOf(workspace.externalId), localeOf, this.deps.renderChart, onRateLimited, this.deps.publishChart, (err) =>
          logger.warn({ err, workspaceId }, "digest chart publishing failed"),
        );
        this.teamsNotifiers.set(workspaceId, notifier);
      }
      return notifier;
    }
    const client = await this.slackClient(workspace);
    return client
      ? new SlackNotifier(client, this.deps.slackBudget, workspace.externalId, this.localeOf(workspaceId), this.deps.renderChart, onRateLimited, (err) =>
          logger.warn({ err, workspaceId }, "digest chart upload failed"),
        )
      : null;
  }

  async notifierForTeam(teamId: string): Promise<Notifier | null> {
    const team = await this.deps.db.team.findUniqueOrThrow({ where: { id: teamId } });
    return this.notifierFor(team.workspaceId);
  }

  /** Direct messages (feedback requests, prompts): Slack DMs, or Teams personal chats. */
  async messengerFor(workspaceId: string): Promise<DirectMessenger | null> {
    const workspace = await this.ref(workspaceId);
    if (workspace.platform === "teams") {
      const adapter = this.teamsAdapter(workspaceId, "message people");
      let messenger = this.teamsMessengers.get(workspaceId);
      if (!messenger) {
        messenger = new TeamsDirectMessenger(adapter, this.deps.teams.store, this.deps.teams.budget, workspaceId, teamsTenantOf(workspace.externalId), this.workspaceLocaleOf(workspaceId));
        this.teamsMessengers.set(workspaceId, messenger);
      }
      return messenger;
    }
    const client = await this.slackClient(workspace);
    if (!client) return null;
    // One messenger per workspace and client (a reinstall brings a new client): each reads its workspace's language.
    const known = this.slackMessengers.get(workspaceId);
    if (known?.client === client) return known.messenger;
    const messenger = new SlackDirectMessenger(client, this.deps.slackBudget, workspace.externalId, this.workspaceLocaleOf(workspaceId));
    this.slackMessengers.set(workspaceId, { client, messenger });
    return messenger;
  }

  async exportDeliveryFor(workspaceId: string): Promise<ExportDelivery> {
    const workspace = await this.ref(workspaceId);
    if (workspace.platform === "teams") return new TeamsExportDelivery(this.teamsAdapter(workspaceId, "deliver an export"), this.deps.teams.store);
    const client = await this.slackClient(workspace);
    if (!client) throw new SpurError(ErrorCode.NotInstalled, msg("error.notInstalled"));
    return new SlackExportDelivery(client);
  }

  /** The workspace's language, read each time: a changed language applies at once. */
  private workspaceLocaleOf(workspaceId: string): () => Promise<Locale> {
    const { db } = this.deps;
    return async () => {
      const row = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { locale: true } });
      return parseLocale(row.locale) ?? DEFAULT_LOCALE;
    };
  }

  /** The language of a post: read when it is sent, so a changed workspace or member language applies at once. */
  private localeOf(workspaceId: string): (to: string, message: OutboundMessage) => Promise<Locale> {
    const { db } = this.deps;
    return (to, message) =>
      postLocale(
        {
          workspaceLocale: this.workspaceLocaleOf(workspaceId),
          memberLocale: async (platformUserId) =>
            (await db.member.findFirst({ where: { workspaceId, platformUserId }, select: { locale: true } }))?.locale ?? null,
        },
        to,
        message,
      );
  }

  private async ref(workspaceId: string): Promise<WorkspaceRef> {
    let ref = this.refs.get(workspaceId);
    if (!ref) {
      const row = await this.deps.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
      ref = { platform: row.platform, externalId: row.externalId };
      this.refs.set(workspaceId, ref);
    }
    return ref;
  }

  private slackClient(workspace: WorkspaceRef): Promise<webApi.WebClient | null> {
    return this.deps.slackClients.forTeam(workspace.externalId, "jobs");
  }

  private teamsAdapter(workspaceId: string, what: string): TeamsAdapter {
    if (!this.deps.teams.adapter) throw new Error(`Teams is not configured: cannot ${what} for workspace ${workspaceId}`);
    return this.deps.teams.adapter;
  }
}
