// A local stand-in for Slack's Web API that records every call, for Bolt's client to talk to in tests and
// in the playground. Supports the methods Spur uses, plus injected failures (rate limits, 5xx, platform errors).
// `events` reports each answered call ("call": call, answer) and each response_url post ("response": path, body).
import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import { fileContent, parseBody, readRaw } from "./fake-slack-request.ts";
import { type JsonReply, type JsonServer, startJsonServer } from "./json-server.ts";
import { BOT_SCOPES } from "../slack/oauth-scopes.ts";
import { FakeUserGroups } from "./fake-slack-user-groups.ts";

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  /** The token the call was made with (Authorization: Bearer …), if any. */
  token?: string;
}

/** A workspace that can install Spur through OAuth: oauth.v2.access hands out its bot token. */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
  /** Who clicked "Allow". */
  installerUserId: string;
}

export interface FakeUser {
  id: string;
  name: string;
  real_name?: string;
  display_name?: string;
  email?: string;
  tz?: string;
  is_bot?: boolean;
  deleted?: boolean;
  is_admin?: boolean;
  /** The user's Slack language (e.g. "zh-CN"); users.info reports it when asked with include_locale. */
  locale?: string;
}

interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  user?: string;
  /** Set for replies in a thread: they are not in conversations.history, only in conversations.replies. */
  threadTs?: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

type Failure =
  | { kind: "ratelimited"; retryAfterSeconds: number }
  /** Carry the call out, then never answer: the caller cannot know it worked (e.g. it dies waiting). */
  | { kind: "apply-then-hang" }
  /** Answer normally, but only after a delay. */
  | { kind: "slow"; ms: number }
  | { kind: "http"; status: number }
  | { kind: "error"; error: string };

/** A user as users.info and users.list report them. */
function userJson(user: FakeUser, withLocale: boolean): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    real_name: user.real_name ?? user.name,
    deleted: user.deleted ?? false,
    is_bot: user.is_bot ?? false,
    is_admin: user.is_admin ?? false,
    tz: user.tz ?? "UTC",
    ...(user.locale && withLocale ? { locale: user.locale } : {}),
    profile: { display_name: user.display_name ?? user.name, real_name: user.real_name ?? user.name, email: user.email },
  };
}

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly messages: StoredMessage[] = [];
  /** Files uploaded through files.getUploadURLExternal → upload URL → files.completeUploadExternal. */
  readonly files = new Map<string, { filename: string; bytes?: Buffer; channel?: string; threadTs?: string; title?: string }>();
  readonly events = new EventEmitter();
  /** Conversations conversations.info reports as private channels (C… ids are public unless listed here). */
  readonly privateChannels = new Set<string>();
  /** The bot token's scopes: reading a conversation's history needs the one for its kind, as on Slack. */
  readonly scopes = new Set<string>(BOT_SCOPES);
  /** User groups and their members (usergroups.list, usergroups.users.list). */
  readonly userGroups = new FakeUserGroups();
  private readonly failures = new Map<string, Failure[]>();
  /** OAuth grants: code → the workspace whose install it completes. */
  private readonly grants = new Map<string, FakeWorkspace>();
  private readonly workspacesByToken = new Map<string, FakeWorkspace>();
  private server: JsonServer | undefined;
  private tsCounter = 0;
  url = "";
  /** Where apps.connections.open sends a Socket Mode client (see fake-socket-mode.ts). */
  socketModeUrl: string | undefined;

  constructor(users: FakeUser[] = []) {
    for (const u of users) this.users.set(u.id, u);
  }

  async start(): Promise<this> {
    this.server = await startJsonServer((req) => this.handle(req));
    this.url = `${this.server.origin}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }


  /** The response_url Slack would put in a payload; posts to it are recorded in `responses`. */
  responseUrl(id: string): string {
    return this.url.replace(/\/api\/$/, `/response/${id}`);
  }

  /** Makes the next `times` calls to `method` fail. */
  failNext(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /** Makes `code` a one-time OAuth grant that oauth.v2.access exchanges for `workspace`'s bot token. */
  grantInstall(code: string, workspace: FakeWorkspace): void {
    this.grants.set(code, workspace);
    this.workspacesByToken.set(workspace.botToken, workspace);
  }

  /** Calls to `method` made with `token`. */
  callsWithToken(token: string, method?: string): RecordedCall[] {
    return this.calls.filter((c) => c.token === token && (method === undefined || c.method === method));
  }

  /** Puts a message (e.g. one a person wrote) into a channel's history. */
  addMessage(channel: string, message: { ts: string; text: string; user: string; threadTs?: string }): void {
    this.messages.push({ channel, ...message });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages posted to the DM channel of a user (opened with conversations.open). */
  dmsTo(userId: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === `D${userId}`);
  }

  async waitFor<T>(find: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await find();
      if (found) return found;
      if (Date.now() > deadline) throw new Error("FakeSlackApi.waitFor timed out");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  waitForCall(method: string, match: (args: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000) {
    return this.waitFor(() => this.calls.find((c) => c.method === method && match(c.args)), timeoutMs);
  }

  private async handle(req: IncomingMessage): Promise<JsonReply> {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const raw = await readRaw(req);
    if (path.startsWith("/upload/")) {
      const file = this.files.get(path.slice("/upload/".length));
      if (!file) return { status: 404, body: { ok: false } };
      file.bytes = fileContent(req, raw);
      return { status: 200, body: { ok: true } };
    }
    const args = parseBody(req, raw);
    if (path.startsWith("/response/")) {
      this.responses.push({ path, body: args });
      this.events.emit("response", path, args);
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, "");
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
    this.calls.push({ method, args, at: Date.now(), ...(token ? { token } : {}) });
    const failure = this.failures.get(method)?.shift();
    if (failure?.kind === "ratelimited") {
      return { status: 429, body: { ok: false, error: "ratelimited" }, headers: { "retry-after": String(failure.retryAfterSeconds) } };
    }
    if (failure?.kind === "http") return { status: failure.status, body: { ok: false } };
    if (failure?.kind === "error") return { status: 200, body: { ok: false, error: failure.error } };
    if (failure?.kind === "slow") {
      await new Promise((r) => setTimeout(r, failure.ms));
      return { status: 200, body: this.answered(method, args, token) };
    }
    if (failure?.kind === "apply-then-hang") {
      this.answered(method, args, token);
      return new Promise(() => undefined);
    }
    return { status: 200, body: this.answered(method, args, token) };
  }

  private answered(method: string, args: Record<string, unknown>, token: string | undefined): unknown {
    const answer = this.answer(method, args, token);
    this.events.emit("call", { method, args }, answer);
    return answer;
  }

  /** Slack's answer when the token lacks the history scope of the conversation's kind, or null. */
  private missingHistoryScope(channel: string): { ok: false; error: "missing_scope"; needed: string; provided: string } | null {
    const needed = channel.startsWith("D") ? "im:history" : channel.startsWith("G") || this.privateChannels.has(channel) ? "groups:history" : "channels:history";
    return this.scopes.has(needed) ? null : { ok: false, error: "missing_scope", needed, provided: [...this.scopes].join(",") };
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): unknown {
    switch (method) {
      case "auth.test": {
        const ws = token ? this.workspacesByToken.get(token) : undefined;
        if (ws) {
          return { ok: true, url: `https://${ws.teamId.toLowerCase()}.slack.com/`, team: ws.teamName, user: "spur", team_id: ws.teamId, user_id: ws.botUserId, bot_id: ws.botId };
        }
        return { ok: true, url: "https://spur-test.slack.com/", team: "Spur Test", user: "spur", team_id: "T0001", user_id: "USPURBOT", bot_id: "BSPUR" };
      }
      case "oauth.v2.access": {
        const ws = this.grants.get(String(args.code));
        if (!ws) return { ok: false, error: "invalid_code" };
        if (!args.client_id || !args.client_secret) return { ok: false, error: "invalid_client_id" };
        this.grants.delete(String(args.code));
        return {
          ok: true,
          app_id: "ASPUR",
          authed_user: { id: ws.installerUserId },
          scope: "commands,chat:write,users:read",
          token_type: "bot",
          access_token: ws.botToken,
          bot_user_id: ws.botUserId,
          team: { id: ws.teamId, name: ws.teamName },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      case "users.info": {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return { ok: true, user: userJson(user, args.include_locale === true || args.include_locale === "true") };
      }
      case "users.list": {
        // Cursor pagination as Slack does it: an opaque cursor per page, "" after the last one.
        const all = [...this.users.values()];
        const limit = Math.max(1, Math.min(1000, Number(args.limit ?? 0) || 1000));
        const start = args.cursor ? Number(/^page-(\d+)$/.exec(String(args.cursor))?.[1] ?? NaN) : 0;
        if (!Number.isInteger(start)) return { ok: false, error: "invalid_cursor" };
        const next = start + limit < all.length ? `page-${start + limit}` : "";
        const withLocale = args.include_locale === true || args.include_locale === "true";
        return { ok: true, members: all.slice(start, start + limit).map((u) => userJson(u, withLocale)), response_metadata: { next_cursor: next } };
      }
      case "chat.postMessage": {
        const ts = this.nextTs();
        const channel = String(args.channel);
        this.messages.push({
          channel,
          ts,
          text: String(args.text ?? ""),
          blocks: args.blocks,
          ...(args.metadata ? { metadata: args.metadata as StoredMessage["metadata"] } : {}),
        });
        return { ok: true, channel, ts, message: { text: args.text, ts } };
      }
      case "apps.connections.open":
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: "invalid_auth" };
      case "files.getUploadURLExternal": {
        const id = `F${String(this.files.size + 1).padStart(6, "0")}`;
        this.files.set(id, { filename: String(args.filename) });
        return { ok: true, file_id: id, upload_url: this.url.replace(/\/api\/$/, `/upload/${id}`) };
      }
      case "files.completeUploadExternal": {
        const list = (typeof args.files === "string" ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[];
        for (const f of list) {
          const file = this.files.get(f.id);
          if (file) Object.assign(file, { channel: args.channel_id, threadTs: args.thread_ts, title: f.title });
        }
        return { ok: true, files: list.map((f) => ({ id: f.id, title: f.title })) };
      }
      case "chat.update": {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: "message_not_found" };
        message.text = String(args.text ?? "");
        message.blocks = args.blocks;
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "conversations.open": {
        // One DM channel per user, named after the user so tests can tell them apart.
        const users = String(args.users ?? "");
        if (!users || users.includes(",")) return { ok: false, error: "invalid_arguments" };
        return { ok: true, channel: { id: `D${users}` } };
      }
      case "conversations.info": {
        const id = String(args.channel ?? "");
        if (!id) return { ok: false, error: "channel_not_found" };
        const im = id.startsWith("D");
        const priv = !im && (id.startsWith("G") || this.privateChannels.has(id));
        return { ok: true, channel: { id, is_channel: !im && !priv, is_group: priv, is_im: im, is_mpim: false, is_private: priv || im } };
      }
      case "conversations.history": {
        const missing = this.missingHistoryScope(String(args.channel ?? ""));
        if (missing) return missing;
        const oldest = Number(args.oldest ?? 0);
        const latest = args.latest === undefined ? Infinity : Number(args.latest);
        const inclusive = args.inclusive === true || args.inclusive === "true";
        const limit = args.limit === undefined ? Infinity : Number(args.limit);
        const messages = this.messages
          .filter((m) => m.channel === args.channel && Number(m.ts) >= oldest && !m.threadTs)
          .filter((m) => (inclusive ? Number(m.ts) <= latest : Number(m.ts) < latest))
          .map((m) => ({
            type: "message",
            ts: m.ts,
            text: m.text,
            ...(m.user ? { user: m.user } : { bot_id: "BSPUR" }),
            ...(args.include_all_metadata && m.metadata ? { metadata: m.metadata } : {}),
          }))
          .reverse()
          .slice(0, limit);
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: "" } };
      }
      case "conversations.replies": {
        const missing = this.missingHistoryScope(String(args.channel ?? ""));
        if (missing) return missing;
        const messages = this.messages
          .filter((m) => m.channel === args.channel && (m.ts === args.ts || m.threadTs === args.ts))
          .map((m) => ({ type: "message", ts: m.ts, text: m.text, ...(m.user ? { user: m.user } : {}), ...(m.threadTs ? { thread_ts: m.threadTs } : {}) }));
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: "" } };
      }
      case "chat.getPermalink":
        return { ok: true, channel: args.channel, permalink: `https://spur-test.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace(".", "")}` };
      case "views.open":
      case "views.update":
      case "views.push": {
        this.tsCounter += 1;
        const view = (args.view ?? {}) as Record<string, unknown>;
        return { ok: true, view: { ...view, id: String(args.view_id ?? `V${String(this.tsCounter).padStart(6, "0")}`) } };
      }
      default:
        return this.userGroups.answer(method, args) ?? { ok: false, error: "unknown_method" };
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }
}
