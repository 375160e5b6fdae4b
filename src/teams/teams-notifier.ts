// Notifier for Teams: proactive posts through stored conversation references, within a posting budget.
// 403 (bot removed or blocked) deactivates the conversation and fails for good; 429 and 5xx are retried.
import type { WeeklyDigest } from "../core/digest.ts";
import type { OutboundMessage } from "../core/outbound.ts";
import type { Notifier, PostedRef, RunMarker } from "../core/ports.ts";
import type { Rate, RateBudget } from "../jobs/rate-budget.ts";
import type { TeamsStore } from "../store/teams-store.ts";
import type { TeamsAdapter } from "./adapter.ts";
import { renderOutbound, toActivity } from "./cards/render.ts";
import { classifyConnectorError, ConversationGoneError } from "./teams-errors.ts";

/**
 * Teams allows about 7 messages a second and 60 per 30 seconds in one conversation (so 2/s sustained with a
 * burst of 7), and throttles a bot's traffic per app and tenant; Spur stays below both instead of collecting
 * 429s (the budget's workspace key is the Teams team).
 */
export const DEFAULT_TEAMS_RATES: { workspace: Rate; conversation: Rate } = {
  workspace: { perSecond: 10, burst: 20 },
  conversation: { perSecond: 2, burst: 7 },
};

export class TeamsNotifier implements Notifier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly store: TeamsStore,
    private readonly budget: RateBudget,
    private readonly workspaceId: string,
    private readonly onRateLimited: () => void = () => undefined,
    /** Stores a digest's trend chart where Teams can fetch it and returns its URL (absent: no chart). */
    private readonly publishChart?: (digest: WeeklyDigest) => Promise<string>,
    private readonly onChartFailed: (err: unknown) => void = () => undefined,
  ) {}

  async post(channelId: string, message: OutboundMessage): Promise<PostedRef> {
    const conversation = await this.conversationFor(channelId);
    if (!conversation?.active) {
      throw new Error(`Spur is not installed in Teams conversation ${channelId} (no active conversation reference)`);
    }
    await this.budget.acquire(`teams:${this.workspaceId}`, channelId);
    const chartUrl = message.kind === "weekly_digest" ? await this.chartUrl(message.digest) : undefined;
    const activity = toActivity(renderOutbound(message, chartUrl ? { chartUrl } : {}));
    let activityId: string;
    try {
      activityId = await this.adapter.send(conversation.reference, activity);
    } catch (err) {
      const classified = classifyConnectorError(err, channelId);
      if (classified instanceof ConversationGoneError) await this.store.deactivate(this.workspaceId, channelId);
      if ("retryAfterMs" in classified && classified.retryAfterMs !== undefined) this.onRateLimited();
      throw classified;
    }
    // Teams keeps no history a bot can search: remember the run's post as soon as Teams accepted it.
    if (message.kind === "weekly_digest" || message.kind === "lead_digest") await this.store.recordPost(conversation.id, message.marker, activityId);
    return { channelId: conversation.conversationId, messageRef: activityId };
  }

  /** The chart is an extra: a digest goes out without it rather than not at all. */
  private async chartUrl(digest: WeeklyDigest): Promise<string | undefined> {
    if (!this.publishChart) return undefined;
    try {
      return await this.publishChart(digest);
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

  /** A conversation id, or a person's id for their personal chat with Spur (which exists once they talked to it). */
  private async conversationFor(channelId: string) {
    return (await this.store.find(this.workspaceId, channelId)) ?? (await this.store.personalChatOf(this.workspaceId, channelId));
  }
}
