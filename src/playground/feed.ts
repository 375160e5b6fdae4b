// What the playground shows: channel and DM messages, ephemeral replies and each member's open modals,
// built from the calls Spur makes to the fake Slack Web API and from Spur's HTTP answers.
import type { FakeSlackApi } from "./fake-slack-api.ts";

export interface FeedItem {
  id: string;
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  /** Set for ephemeral replies: only this member sees them. */
  visibleTo?: string;
  /** Set for messages a member wrote (everything else comes from Spur). */
  author?: string;
  /** An uploaded file (the digest's chart), served at /files/<id>. */
  file?: { id: string; title: string };
}

export interface ModalView {
  id: string;
  view: Record<string, unknown>;
  errors?: Record<string, string>;
}

/** Where a response_url or trigger_id came from, so what Spur sends to it lands in the right place. */
export interface Origin {
  user: string;
  channel: string;
  itemId?: string;
}

type Args = Record<string, unknown>;

/** Posting to a user id delivers to the app's DM with them, shown as channel D<user id>. */
const dmChannel = (channel: string): string => (/^[UW]/.test(channel) ? `D${channel}` : channel);

const asBlocks = (value: unknown): unknown[] | undefined => (Array.isArray(value) ? value : undefined);

export class PlaygroundFeed {
  readonly items: FeedItem[] = [];
  readonly modals = new Map<string, ModalView[]>();
  private readonly responseOrigins = new Map<string, Origin>();
  private readonly triggerOrigins = new Map<string, Origin>();
  private readonly listeners = new Set<() => void>();
  private counter = 0;

  constructor(private readonly slack: FakeSlackApi) {
    slack.events.on("call", (call: { method: string; args: Args }, answer: Args) => this.onCall(call.method, call.args, answer));
    slack.events.on("response", (path: string, body: Args) => this.onResponse(path.replace(/^\/response\//, ""), body));
  }

  /** Calls `listener` after every change; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  expectResponse(responseId: string, origin: Origin): void {
    this.responseOrigins.set(responseId, origin);
  }

  expectTrigger(triggerId: string, origin: Origin): void {
    this.triggerOrigins.set(triggerId, origin);
  }

  item(id: string): FeedItem | undefined {
    return this.items.find((i) => i.id === id);
  }

  /** A message `user` writes in a channel; it is also in the fake API's history, where Spur reads messages. */
  addUserMessage(channel: string, user: string, text: string): FeedItem {
    this.push({ channel, text, author: user });
    const item = this.items[this.items.length - 1]!;
    this.slack.addMessage(channel, { ts: item.ts, text, user });
    return item;
  }

  /** A reply Spur gave in its HTTP answer (a slash command acknowledged with a message). */
  addReply(origin: Origin, body: Args): void {
    if (typeof body.text !== "string" && !asBlocks(body.blocks)) return;
    const inChannel = body.response_type === "in_channel";
    this.push({ channel: origin.channel, text: String(body.text ?? ""), blocks: asBlocks(body.blocks), ...(inChannel ? {} : { visibleTo: origin.user }) });
  }

  /** Applies Spur's answer to a view submission: errors, update, push, clear, or (empty) close the top view. */
  applyViewAnswer(user: string, body: Args): void {
    const stack = this.modals.get(user) ?? [];
    const top = stack[stack.length - 1];
    switch (body.response_action) {
      case "errors":
        if (top) top.errors = (body.errors ?? {}) as Record<string, string>;
        break;
      case "update":
        if (top) Object.assign(top, { view: body.view as Args, errors: undefined });
        break;
      case "push":
        stack.push({ id: this.nextId("V"), view: body.view as Args });
        break;
      case "clear":
        stack.length = 0;
        break;
      default:
        stack.pop();
    }
    this.modals.set(user, stack);
    this.changed();
  }

  closeModal(user: string): void {
    this.modals.get(user)?.pop();
    this.changed();
  }

  private onCall(method: string, args: Args, answer: Args): void {
    if (answer.ok !== true) return;
    switch (method) {
      case "chat.postMessage":
        this.push({ channel: dmChannel(String(args.channel)), ts: String(answer.ts), text: String(args.text ?? ""), blocks: asBlocks(args.blocks) });
        break;
      case "chat.postEphemeral":
        this.push({ channel: String(args.channel), text: String(args.text ?? ""), blocks: asBlocks(args.blocks), visibleTo: String(args.user) });
        break;
      case "chat.update": {
        const item = this.items.find((i) => i.channel === dmChannel(String(args.channel)) && i.ts === args.ts);
        if (item) Object.assign(item, { text: String(args.text ?? ""), blocks: asBlocks(args.blocks) });
        this.changed();
        break;
      }
      case "files.completeUploadExternal": {
        const files = (typeof args.files === "string" ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[];
        for (const f of files) this.push({ channel: String(args.channel_id), text: f.title ?? "", file: { id: f.id, title: f.title ?? "" } });
        break;
      }
      case "views.open":
      case "views.push": {
        const origin = this.triggerOrigins.get(String(args.trigger_id));
        if (!origin) return;
        const view = answer.view as Args;
        const stack = method === "views.open" ? [] : (this.modals.get(origin.user) ?? []);
        stack.push({ id: String(view.id), view });
        this.modals.set(origin.user, stack);
        this.changed();
        break;
      }
      case "views.update": {
        for (const stack of this.modals.values()) {
          const entry = stack.find((v) => v.id === args.view_id || (args.external_id && v.view.external_id === args.external_id));
          if (entry) Object.assign(entry, { view: { ...(args.view as Args), id: entry.id }, errors: undefined });
        }
        this.changed();
        break;
      }
    }
  }

  private onResponse(responseId: string, body: Args): void {
    const origin = this.responseOrigins.get(responseId);
    if (!origin) return;
    const source = origin.itemId ? this.item(origin.itemId) : undefined;
    if (source && body.delete_original === true) {
      this.items.splice(this.items.indexOf(source), 1);
      this.changed();
    } else if (source && body.replace_original === true) {
      Object.assign(source, { text: String(body.text ?? ""), blocks: asBlocks(body.blocks) });
      this.changed();
    } else {
      this.addReply(origin, body);
    }
  }

  private push(item: Omit<FeedItem, "id" | "ts"> & { ts?: string }): void {
    const id = this.nextId("M");
    this.items.push({ ...item, id, ts: item.ts ?? `${Math.floor(Date.now() / 1000)}.${id.slice(1)}` });
    this.changed();
  }

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${String(this.counter).padStart(6, "0")}`;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
