// DirectMessenger for Slack: opens (and remembers) the DM channel with a user, then posts to it within the
// workspace's posting budget (the same one the channel notifier spends), so a fan-out of DMs cannot starve digests.
import type { webApi } from "@slack/bolt";
import type { DirectMessage, DirectMessenger } from "../core/feedback/feedback-ports.ts";
import type { PostedRef } from "../core/shared/ports.ts";
import type { RateBudget } from "../jobs/rate-budget.ts";
import type { Locale } from "../i18n/locale.ts";
import { renderDirectMessage } from "./render/direct-message.ts";
import { classifySlackError } from "./slack-errors.ts";

export class SlackDirectMessenger implements DirectMessenger {
  private readonly channels = new Map<string, string>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly budget: RateBudget,
    /** The Slack workspace (team id) whose budget these messages spend. */
    private readonly workspaceKey: string,
    /** The workspace's language, read when a message is sent: for recipients whose own Spur doesn't know. */
    private readonly workspaceLocale: () => Promise<Locale>,
  ) {}

  async send(platformUserId: string, message: DirectMessage): Promise<PostedRef> {
    const rendered = renderDirectMessage(message, platformUserId, await this.workspaceLocale());
    try {
      const channel = await this.channelFor(platformUserId);
      await this.budget.acquire(this.workspaceKey, channel);
      const res = await this.client.chat.postMessage({ channel, text: rendered.text, ...(rendered.blocks ? { blocks: rendered.blocks } : {}), unfurl_links: false });
      return { channelId: res.channel ?? channel, messageRef: res.ts ?? "" };
    } catch (err) {
      throw classifySlackError(err);
    }
  }

  async update(ref: string, message: DirectMessage): Promise<void> {
    const [channel, ts] = ref.split(":");
    if (!channel || !ts) return;
    const rendered = renderDirectMessage(message, ref, await this.workspaceLocale());
    try {
      await this.budget.acquire(this.workspaceKey, channel);
      await this.client.chat.update({ channel, ts, text: rendered.text, ...(rendered.blocks ? { blocks: rendered.blocks } : {}) });
    } catch (err) {
      throw classifySlackError(err);
    }
  }

  private async channelFor(userId: string): Promise<string> {
    const known = this.channels.get(userId);
    if (known) return known;
    const res = await this.client.conversations.open({ users: userId });
    const id = res.channel?.id;
    if (!id) throw new Error("conversations.open returned no channel");
    if (this.channels.size > 10_000) this.channels.clear();
    this.channels.set(userId, id);
    return id;
  }
}
