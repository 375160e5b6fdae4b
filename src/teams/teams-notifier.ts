// Notifier for Teams: proactive posts through stored conversation references, within a posting budget. A
// post to a person (the lead digest) goes to their personal chat with Spur, opened if they have none yet.
// 403/404 (bot removed or blocked, conversation gone) deactivate the conversation and fail for good; 429 and
// 5xx are retried by the job (see jobs/retry-after.ts).
import { DeliveryRefusedError, TransientError } from "../core/shared/errors.ts";
import type { OutboundMessage } from "../core/outbound/outbound-message.ts";
import type { PostedRef, RunMarker } from "../core/shared/ports.ts";
import type { Notifier } from "../core/outbound/notifier.ts";
import type { Rate, RateBudget } from "../jobs/rate-budget.ts";
import type { RenderChart } from "../render/chart-renderer.ts";
import type { TeamsStore } from "../store/teams-store.ts";
import type { TeamsAdapter } from "./adapter.ts";
import { type PostLocaleOf, presentOutbound } from "../use-cases/posts/present-outbound.ts";
import { type DrawnChart, startTrendChartPng } from "../use-cases/posts/trend-chart.ts";
import { toActivity } from "./cards/render.ts";
import { renderCard } from "./render/card.ts";
import { personalChatWith } from "./personal-chat.ts";
import { classifyConnectorError, ConversationGoneError } from "./teams-errors.ts";
import { isTeamsPersonId } from "./teams-users.ts";

/**
 * Teams' documented limits for one bot in one conversation (thread) are 7 messages per second, 60 per 30
 * seconds and 1800 per hour, and it throttles an app's traffic per tenant as well. Each window is a GCRA
 * rate, sized so that `burst + seconds × perSecond` stays within the limit (see Rate), and all of them are
 * shared through Redis by every Spur process: Spur stays below the limits instead of collecting 429s.
 */
export const DEFAULT_TEAMS_RATES: { tenant: Rate[]; conversation: Rate[] } = {
  tenant: [{ perSecond: 20, burst: 20 }],
  conversation: [
    { perSecond: 4, burst: 3 }, // ≤ 7 in any second
    { perSecond: 1.5, burst: 15 }, // ≤ 60 in any 30 seconds
    { perSecond: 0.45, burst: 180 }, // ≤ 1800 in any hour
  ],
};

/** The tenant part of a Teams workspace's external id (`<tenant>:<team or chat>`): the key of its budget. */
export function teamsTenantOf(workspaceExternalId: string): string {
  return workspaceExternalId.split(":")[0] ?? workspaceExternalId;
}

/** Stores a chart's PNG where Teams can fetch it (`<PUBLIC_URL>/charts/<id>.png`) and returns its URL. */
export type PublishChart = (chart: { teamId: string; periodKey: string; png: Buffer }) => Promise<string>;

export class TeamsNotifier implements Notifier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly store: TeamsStore,
    private readonly budget: RateBudget,
    private readonly workspaceId: string,
    /** Whose budget the posts spend: the tenant, shared by all its teams. */
    private readonly tenantId: string,
    /** Each post's language: the channel's workspace, or the person's own. */
    private readonly localeOf: PostLocaleOf,
    /** Draws a digest's chart (off the event loop: see render/chart-renderer.ts). */
    private readonly renderChart: RenderChart,
    private readonly onRateLimited: () => void = () => undefined,
    /** Stores a post's chart where Teams can fetch it and returns its URL (absent: no chart). */
    private readonly publishChart?: PublishChart,
    private readonly onChartFailed: (err: unknown) => void = () => undefined,
  ) {}

  async post(channelId: string, message: OutboundMessage): Promise<PostedRef> {
    const conversation = (await this.conversationFor(channelId)) ?? (isTeamsPersonId(channelId) ? await this.openPersonalChat(channelId) : null);
    if (!conversation?.active) {
      throw new DeliveryRefusedError(`Spur is not installed in Teams conversation ${channelId} (no active conversation reference); add Spur to it again`);
    }
    const locale = await this.localeOf(channelId, message);
    const body = presentOutbound(message, locale);
    // The chart is drawn and published while the post waits for its budget: the card needs its URL.
    const chart = body.blocks.find((b) => b.kind === "chart");
    const published = chart && "marker" in message && this.publishChart ? this.chartUrl(message.marker, startTrendChartPng(chart.trend, locale, this.renderChart)) : undefined;
    await this.budget.acquire(`teams:${this.tenantId}`, channelId);
    const chartUrl = await published;
    const activity = toActivity(renderCard(body, locale, { chartUrl }));
    let activityId: string;
    try {
      activityId = await this.adapter.send(conversation.reference, activity);
    } catch (err) {
      const classified = classifyConnectorError(err, channelId);
      if (classified instanceof ConversationGoneError) await this.store.deactivate(this.workspaceId, channelId);
      if (classified instanceof TransientError && classified.rateLimited) this.onRateLimited();
      throw classified;
    }
    // Teams keeps no history a bot can search: remember the run's post as soon as Teams accepted it.
    if ("marker" in message) await this.store.recordPost(conversation.id, message.marker, activityId);
    return { channelId: conversation.conversationId, messageRef: activityId };
  }

  /**
   * The chart is an extra: a digest goes out without it rather than not at all. Never rejects. (A post that
   * fails after this started leaves the week's chart stored; its retry replaces it.)
   */
  private async chartUrl(marker: RunMarker, chart: Promise<DrawnChart>): Promise<string | undefined> {
    if (!this.publishChart) return undefined;
    try {
      return await this.publishChart({ teamId: marker.teamId, periodKey: marker.periodKey, png: (await chart).png });
    } catch (err) {
      this.onChartFailed(err);
      return undefined;
    }
  }

  async findPosted(channelId: string, marker: RunMarker): Promise<PostedRef | null> {
    const conversation = await this.conversationFor(channelId);
    if (!conversation) return null;
    const activityId = await this.store.findPost(conversation.id, marker);
    return activityId === null ? null : { channelId: conversation.conversationId, messageRef: activityId };
  }

  /** A person who never talked to Spur: their personal chat, opened through the Bot Connector. */
  private openPersonalChat(platformUserId: string) {
    return personalChatWith(this.adapter, this.store, this.workspaceId, platformUserId);
  }

  /** A conversation id, or a person's id for their personal chat with Spur (if they have one). */
  private async conversationFor(channelId: string) {
    return (await this.store.find(this.workspaceId, channelId)) ?? (await this.store.personalChatOf(this.workspaceId, channelId));
  }
}
