// DirectMessenger for Slack: opens (and remembers) the DM channel with a user, then posts to it.
import type { webApi } from "@slack/bolt";
import type { DirectMessage, DirectMessenger } from "../core/feedback-ports.ts";
import type { PostedRef } from "../core/ports.ts";
import { renderDirectMessage } from "./blocks/feedback-dm.ts";
import { classifySlackError } from "./slack-errors.ts";

export class SlackDirectMessenger implements DirectMessenger {
  private readonly channels = new Map<string, string>();

  constructor(private readonly client: webApi.WebClient) {}

  async send(platformUserId: string, message: DirectMessage): Promise<PostedRef> {
    const rendered = renderDirectMessage(message);
    try {
      const channel = await this.channelFor(platformUserId);
      const res = await this.client.chat.postMessage({ channel, text: rendered.text, ...(rendered.blocks ? { blocks: rendered.blocks } : {}), unfurl_links: false });
      return { channelId: res.channel ?? channel, messageRef: res.ts ?? "" };
    } catch (err) {
      throw classifySlackError(err);
    }
  }

  async update(ref: string, message: DirectMessage): Promise<void> {
    const [channel, ts] = ref.split(":");
    if (!channel || !ts) return;
    const rendered = renderDirectMessage(message);
    try {
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
