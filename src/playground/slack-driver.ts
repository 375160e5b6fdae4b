// Acts as Slack towards the real Bolt app: signed slash commands, button clicks and modal submissions,
// shaped like Slack's own, with response URLs and trigger ids the feed follows.
import type { FakeSlackApi } from "./fake-slack-api.ts";
import type { FeedItem, PlaygroundFeed } from "./feed.ts";
import { slackSignatureHeaders } from "./slack-signing.ts";

export interface DriverOptions {
  spurUrl: string;
  signingSecret: string;
  teamId: string;
  slack: FakeSlackApi;
  feed: PlaygroundFeed;
  /** Known people (handle → id) and channels, to turn `@handle` and `#channel` into Slack's escaped mentions. */
  handles: Map<string, string>;
  channels: { id: string; name: string }[];
}

/** An interactive element's value as Slack reports it in block_actions and view.state.values. */
export interface ElementValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string; text?: unknown } | null;
  selected_options?: { value: string }[];
  selected_users?: string[];
  selected_user?: string | null;
  selected_conversation?: string | null;
}

export interface ClickedAction extends ElementValue {
  action_id: string;
  block_id: string;
}

type StateValues = Record<string, Record<string, ElementValue>>;

export class SlackDriver {
  private counter = 0;
  constructor(private readonly options: DriverOptions) {}

  /** `@ana` → `<@U…|ana>` and `#frontline` → `<#C…|frontline>`, as Slack sends escaped command text. */
  escape(text: string): string {
    return text
      .replace(/(^|\s)@([\w.-]+)/g, (all, space: string, handle: string) => {
        const id = this.options.handles.get(handle.toLowerCase());
        return id ? `${space}<@${id}|${handle}>` : all;
      })
      .replace(/(^|\s)#([\w-]+)/g, (all, space: string, name: string) => {
        const id = this.options.channels.find((c) => c.name === name.toLowerCase())?.id;
        return id ? `${space}<#${id}|${name}>` : all;
      });
  }

  async command(user: string, channel: string, command: string, text: string): Promise<number> {
    const { responseUrl, triggerId } = this.follow({ user, channel });
    const form = new URLSearchParams({
      token: "playground",
      team_id: this.options.teamId,
      team_domain: "spur-playground",
      channel_id: channel,
      channel_name: this.channelName(channel),
      user_id: user,
      user_name: user.toLowerCase(),
      command,
      text: this.escape(text),
      api_app_id: "ASPUR",
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: triggerId,
    }).toString();
    const answer = await this.post(form, "application/x-www-form-urlencoded");
    this.options.feed.addReply({ user, channel }, answer.body);
    return answer.status;
  }

  /** A click (or selection) in a message the member can see. */
  async messageAction(user: string, item: FeedItem, action: ClickedAction): Promise<number> {
    const { responseUrl, triggerId } = this.follow({ user, channel: item.channel, itemId: item.id });
    const ephemeral = item.visibleTo !== undefined;
    return (
      await this.interact({
        ...this.envelope("block_actions", user, triggerId),
        container: { type: "message", message_ts: item.ts, channel_id: item.channel, is_ephemeral: ephemeral },
        channel: { id: item.channel, name: this.channelName(item.channel) },
        ...(ephemeral ? {} : { message: { type: "message", ts: item.ts, text: item.text, blocks: item.blocks ?? [] } }),
        response_url: responseUrl,
        actions: [this.action(action)],
      })
    ).status;
  }

  /** A click or selection inside an open modal. */
  async viewAction(user: string, view: { id: string; view: Record<string, unknown> }, action: ClickedAction, values: StateValues): Promise<number> {
    const { triggerId } = this.follow({ user, channel: "" });
    return (
      await this.interact({
        ...this.envelope("block_actions", user, triggerId),
        container: { type: "view", view_id: view.id },
        view: this.viewPayload(view, values),
        actions: [this.action(action)],
      })
    ).status;
  }

  async submitView(user: string, view: { id: string; view: Record<string, unknown> }, values: StateValues): Promise<void> {
    const { triggerId } = this.follow({ user, channel: "" });
    const answer = await this.interact({
      ...this.envelope("view_submission", user, triggerId),
      view: this.viewPayload(view, values),
      response_urls: [],
    });
    if (answer.status === 200) this.options.feed.applyViewAnswer(user, answer.body);
  }

  /** A message shortcut (e.g. "Give kudos for this message") on a message someone wrote. */
  async messageShortcut(user: string, item: FeedItem, callbackId: string): Promise<number> {
    const { responseUrl, triggerId } = this.follow({ user, channel: item.channel, itemId: item.id });
    return (
      await this.interact({
        ...this.envelope("message_action", user, triggerId),
        callback_id: callbackId,
        channel: { id: item.channel, name: this.channelName(item.channel) },
        message: { type: "message", user: item.author, text: item.text, ts: item.ts },
        message_ts: item.ts,
        response_url: responseUrl,
      })
    ).status;
  }

  /** An emoji reaction added to a message (Events API). */
  async react(user: string, item: FeedItem, reaction: string): Promise<number> {
    this.counter += 1;
    const now = Date.now() / 1000;
    const body = JSON.stringify({
      token: "playground",
      team_id: this.options.teamId,
      api_app_id: "ASPUR",
      type: "event_callback",
      event_id: `EvPG${this.counter}${Math.floor(now)}`,
      event_time: Math.floor(now),
      authorizations: [{ team_id: this.options.teamId, user_id: "USPURBOT", is_bot: true }],
      event: { type: "reaction_added", user, reaction, item_user: item.author, item: { type: "message", channel: item.channel, ts: item.ts }, event_ts: String(now) },
    });
    return (await this.post(body, "application/json")).status;
  }

  private channelName(id: string): string {
    return this.options.channels.find((c) => c.id === id)?.name ?? (id.startsWith("D") ? "directmessage" : id);
  }

  private follow(origin: { user: string; channel: string; itemId?: string }) {
    this.counter += 1;
    const responseId = `pg-${this.counter}`;
    const triggerId = `${Date.now()}.${this.counter}.playground`;
    this.options.feed.expectResponse(responseId, origin);
    this.options.feed.expectTrigger(triggerId, origin);
    return { responseUrl: this.options.slack.responseUrl(responseId), triggerId };
  }

  private envelope(type: string, user: string, triggerId: string) {
    return {
      type,
      team: { id: this.options.teamId, domain: "spur-playground" },
      user: { id: user, username: user.toLowerCase(), team_id: this.options.teamId },
      api_app_id: "ASPUR",
      token: "playground",
      trigger_id: triggerId,
    };
  }

  private action(action: ClickedAction) {
    return { ...action, action_ts: `${Date.now() / 1000}` };
  }

  private viewPayload(view: { id: string; view: Record<string, unknown> }, values: StateValues) {
    return {
      ...view.view,
      id: view.id,
      team_id: this.options.teamId,
      state: { values },
      hash: `${Date.now()}.playground`,
      app_id: "ASPUR",
      bot_id: "BSPUR",
    };
  }

  private interact(payload: Record<string, unknown>) {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
  }

  private async post(body: string, contentType: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${this.options.spurUrl}/slack/events`, {
      method: "POST",
      body,
      headers: { "content-type": contentType, ...slackSignatureHeaders(this.options.signingSecret, body) },
    });
    const text = await res.text();
    let parsed: Record<string, unknown>;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed };
  }
}
