// A local stand-in for Slack's Web API that records every call, for Bolt's client to talk to in tests.
// Supports the methods Spur uses, plus injected failures (rate limits, 5xx, platform errors).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
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
}

interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

type Failure =
  | { kind: "ratelimited"; retryAfterSeconds: number }
  | { kind: "http"; status: number }
  | { kind: "error"; error: string };

const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "view"]);

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json")) return raw ? JSON.parse(raw) : {};
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    args[k] = JSON_FIELDS.has(k) ? safeJson(v) : v;
  }
  return args;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly messages: StoredMessage[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private server: Server | undefined;
  private tsCounter = 0;
  url = "";

  constructor(users: FakeUser[] = []) {
    for (const u of users) this.users.set(u.id, u);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
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

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
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

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const args = await readBody(req);
    if (path.startsWith("/response/")) {
      this.responses.push({ path, body: args });
      return { status: 200, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, "");
    this.calls.push({ method, args, at: Date.now() });
    const failure = this.failures.get(method)?.shift();
    if (failure?.kind === "ratelimited") {
      return { status: 429, body: { ok: false, error: "ratelimited" }, headers: { "retry-after": String(failure.retryAfterSeconds) } };
    }
    if (failure?.kind === "http") return { status: failure.status, body: { ok: false } };
    if (failure?.kind === "error") return { status: 200, body: { ok: false, error: failure.error } };
    return { status: 200, body: this.answer(method, args) };
  }

  private answer(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://spur-test.slack.com/", team: "Spur Test", user: "spur", team_id: "T0001", user_id: "USPURBOT", bot_id: "BSPUR" };
      case "users.info": {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id: user.id,
            name: user.name,
            real_name: user.real_name ?? user.name,
            deleted: user.deleted ?? false,
            is_bot: user.is_bot ?? false,
            is_admin: user.is_admin ?? false,
            tz: user.tz ?? "UTC",
            profile: { display_name: user.display_name ?? user.name, real_name: user.real_name ?? user.name, email: user.email },
          },
        };
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
      case "views.open":
        return { ok: true, view: { id: `V${this.nextTs().replace(".", "")}`, ...(args.view as object) } };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users ?? "").replace(/^U/, "")}` } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "conversations.history": {
        const oldest = Number(args.oldest ?? 0);
        const messages = this.messages
          .filter((m) => m.channel === args.channel && Number(m.ts) >= oldest)
          .map((m) => ({ type: "message", ts: m.ts, text: m.text, bot_id: "BSPUR", ...(args.include_all_metadata && m.metadata ? { metadata: m.metadata } : {}) }))
          .reverse();
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: "" } };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, "0")}`;
  }
}
