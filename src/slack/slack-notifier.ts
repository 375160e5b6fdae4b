// Notifier for Slack: posts neutral bodies rendered as Block Kit and finds Spur's own earlier posts by their metadata.
import type { webApi } from "@slack/bolt";
import type { OutboundMessage } from "../core/outbound/outbound-message.ts";
import type { PostedRef, RunMarker } from "../core/shared/ports.ts";
import type { Notifier } from "../core/outbound/notifier.ts";
import { TransientError } from "../core/shared/errors.ts";
import type { RateBudget } from "../jobs/rate-budget.ts";
import type { RenderChart } from "../render/chart-renderer.ts";
import { type PostLocaleOf, presentOutbound } from "../use-cases/posts/present-outbound.ts";
import { type DrawnChart, startTrendChartPng } from "../use-cases/posts/trend-chart.ts";
import { renderBody } from "./render/blocks.ts";
import { classifySlackError } from "./slack-errors.ts";

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** A scheduled post's run marker as Slack message metadata, which a retry looks for in the channel history. */
function markerMetadata(marker: RunMarker): { event_type: string; event_payload: Record<string, string> } {
  return { event_type: marker.eventType, event_payload: { period_key: marker.periodKey, team_id: marker.teamId } };
}

/** Every post Spur makes to Slack goes through here: rendered from core results, within the posting budget. */
export class SlackNotifier implements Notifier {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly budget: RateBudget,
    /** The Slack workspace (team id) whose budget these posts spend. */
    private readonly workspaceKey: string,
    private readonly localeOf: PostLocaleOf,
    /** Draws a digest's chart (off the event loop: see render/chart-renderer.ts). */
    private readonly renderChart: RenderChart,
    private readonly onRateLimited: () => void = () => undefined,
    private readonly onChartFailed: (err: unknown) => void = () => undefined,
  ) {}

  async post(to: string, message: OutboundMessage): Promise<PostedRef> {
    const locale = await this.localeOf(to, message);
    const body = presentOutbound(message, locale);
    const rendered = renderBody(body, locale);
    // Charts are drawn while the post waits for its budget and goes out; they follow it into its thread.
    const charts = body.blocks.flatMap((block) => (block.kind === "chart" ? [startTrendChartPng(block.trend, locale, this.renderChart)] : []));
    await this.budget.acquire(this.workspaceKey, to);
    try {
      // A lead digest goes to the person's DM channel (conversations.open), where the run records it.
      const channelId = message.kind === "lead_digest" ? await this.dmChannel(to) : to;
      const res = await this.client.chat.postMessage({
        channel: channelId,
        text: rendered.text,
        ...(rendered.blocks ? { blocks: rendered.blocks } : {}),
        ...("marker" in message ? { metadata: markerMetadata(message.marker) } : {}),
        unfurl_links: false,
      });
      const posted = { channelId: res.channel ?? channelId, messageRef: res.ts ?? "" };
      for (const chart of charts) await this.attachChart(posted, chart);
      return posted;
    } catch (err) {
      const classified = classifySlackError(err);
      if (classified instanceof TransientError && classified.retryAfterMs !== undefined) this.onRateLimited();
      throw classified;
    }
  }

  private async dmChannel(userId: string): Promise<string> {
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    return id;
  }

  /**
   * The trend chart goes into the post's thread. It is an extra: the post is already out, so a chart that
   * failed to draw or upload is reported (onChartFailed) rather than failing the run, which would post it again.
   */
  private async attachChart(posted: PostedRef, chart: Promise<DrawnChart>): Promise<void> {
    try {
      const { png, title } = await chart;
      await this.client.filesUploadV2({
        channel_id: posted.channelId,
        thread_ts: posted.messageRef,
        file: png,
        filename: "weekly-trend.png",
        title,
      });
    } catch (err) {
      this.onChartFailed(err);
    }
  }

  /**
   * A channel post is looked for in the channel's history (channels:history, groups:history). A direct
   * message is not: Spur does not ask for im:history, so it never reads what is said in its DMs. A DM is
   * only taken over after its earlier attempt was released unsent (a rate limit, a Slack outage) or its
   * worker died mid-send; it is then sent again, since the run's own record (digest_run) is the only
   * trace Spur keeps of it.
   */
  async findPosted(to: string, marker: RunMarker, since: Date): Promise<PostedRef | null> {
    if (isUserId(to)) return null;
    try {
      const channelId = to;
      let cursor: string | undefined;
      do {
        const res = await this.client.conversations.history({
          channel: channelId,
          oldest: (since.getTime() / 1000).toFixed(6),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const m of (res.messages ?? []) as HistoryMessage[]) {
          const p = m.metadata?.event_payload;
          if (m.ts && m.metadata?.event_type === marker.eventType && p?.period_key === marker.periodKey && p?.team_id === marker.teamId) {
            return { channelId, messageRef: m.ts };
          }
        }
        cursor = res.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return null;
    } catch (err) {
      throw classifySlackError(err);
    }
  }
}

function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}
