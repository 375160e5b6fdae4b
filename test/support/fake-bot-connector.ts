// A local stand-in for the Bot Framework Connector service (Teams' serviceUrl) that records every activity
// Spur sends and answers roster look-ups. Supports injected failures (403 bot removed, 429, 5xx).
import type { IncomingMessage } from "node:http";
import { type JsonReply, type JsonServer, startJsonServer } from "../../src/playground/json-server.ts";

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  /** The roster's userRole: "owner" for a team owner (when Teams says so), "user" (the default) or "guest". */
  userRole?: string;
}

export interface SentActivity {
  /** The conversation id from the URL (decoded), thread suffix included. */
  conversationId: string;
  /** Set when the bot replied to an incoming activity. */
  replyToId?: string;
  id: string;
  activity: Record<string, unknown>;
  authorization: string | undefined;
}

/** An injected failure; with `conversationId`, only sends to that conversation (its base id) fail. */
type Failure = { status: number; retryAfterSeconds?: number; conversationId?: string };

/** One POST of an activity as it reached the connector, failed (injected) or not. */
export interface SendAttempt {
  conversationId: string;
  at: number;
  status: number;
}

const FAILURE_CODES: Record<number, string> = { 403: "BotNotInConversationRoster", 404: "ConversationNotFound", 429: "TooManyRequests" };

export class FakeBotConnector {
  readonly sent: SentActivity[] = [];
  /** Every activity POST in arrival order, including the ones answered with an injected failure. */
  readonly attempts: SendAttempt[] = [];
  readonly memberLookups: { conversationId: string; userId: string }[] = [];
  /** Roster listings (GET …/pagedmembers), one entry per page asked for. */
  readonly rosterPages: { conversationId: string; pageSize: number; continuationToken: string | null }[] = [];
  /** The most members one roster page holds, whatever page size the bot asks for (small: paging is exercised). */
  rosterPageSize = 2;
  /** Messages the bot replaced (PUT …/activities/{id}), in order. */
  readonly updated: SentActivity[] = [];
  /** Personal chats the bot opened (POST /v3/conversations). */
  readonly createdChats: { conversationId: string; userId: string; tenantId: string | undefined }[] = [];
  readonly roster = new Map<string, RosterMember>();
  private readonly failures: Failure[] = [];
  private readonly held = new Map<string, Promise<void>>();
  private server: JsonServer | undefined;
  private counter = 0;
  url = "";

  constructor(members: RosterMember[] = []) {
    for (const m of members) this.roster.set(m.id, m);
  }

  async start(): Promise<this> {
    this.server = await startJsonServer((req) => this.handle(req));
    this.url = `${this.server.origin}/`;
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }


  /**
   * Makes the next `times` sends of activities fail with this HTTP status (429 with or without Retry-After,
   * 5xx, 403 bot removed or blocked, 404 conversation not found).
   */
  failNextSend(failure: Failure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(failure);
  }

  /**
   * Holds the reply to the activity `activityId`: it is recorded as it arrives, but answered only once the
   * returned function is called (so a test can look at the world while the bot waits for Teams).
   */
  holdReplyTo(activityId: string): () => void {
    let release: () => void = () => undefined;
    this.held.set(activityId, new Promise<void>((resolve) => (release = resolve)));
    return () => release();
  }

  pendingFailures(): number {
    return this.failures.length;
  }

  /** Activity POSTs that reached a conversation (its base id), failed or not. */
  attemptsTo(conversationId: string): SendAttempt[] {
    return this.attempts.filter((a) => a.conversationId.split(";messageid=")[0] === conversationId);
  }

  /** Activities sent to a conversation (its base id, thread replies included). */
  sentTo(conversationId: string): SentActivity[] {
    return this.sent.filter((s) => s.conversationId.split(";messageid=")[0] === conversationId);
  }

  async waitFor<T>(find: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await find();
      if (found) return found;
      if (Date.now() > deadline) throw new Error("FakeBotConnector.waitFor timed out");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits for an activity whose text, summary or card contains `contains`, sent after `since` activities. */
  waitForText(contains: string, since = 0, timeoutMs = 5000): Promise<SentActivity> {
    return this.waitFor(() => this.sent.slice(since).find((s) => textOf(s).includes(contains)), timeoutMs);
  }

  private async handle(req: IncomingMessage): Promise<JsonReply> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "").split("?")[0] ?? "";
    const activities = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (req.method === "POST" && activities?.[1]) {
      const conversationId = decodeURIComponent(activities[1]);
      const target = conversationId.split(";messageid=")[0];
      const at = this.failures.findIndex((f) => f.conversationId === undefined || f.conversationId === target);
      const failure = at >= 0 ? this.failures.splice(at, 1)[0] : undefined;
      this.attempts.push({ conversationId, at: Date.now(), status: failure?.status ?? 200 });
      if (failure) {
        return {
          status: failure.status,
          body: { error: { code: FAILURE_CODES[failure.status] ?? "Failure", message: "injected" } },
          ...(failure.retryAfterSeconds !== undefined ? { headers: { "retry-after": String(failure.retryAfterSeconds) } } : {}),
        };
      }
      this.counter += 1;
      const id = `activity-${this.counter}`;
      this.sent.push({
        conversationId,
        ...(activities[2] ? { replyToId: decodeURIComponent(activities[2]) } : {}),
        id,
        activity: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
        authorization: req.headers.authorization,
      });
      const hold = activities[2] ? this.held.get(decodeURIComponent(activities[2])) : undefined;
      if (hold) await hold;
      return { status: 200, body: { id } };
    }
    if (req.method === "PUT" && activities?.[1] && activities[2]) {
      this.updated.push({
        conversationId: decodeURIComponent(activities[1]),
        id: decodeURIComponent(activities[2]),
        activity: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
        authorization: req.headers.authorization,
      });
      return { status: 200, body: { id: decodeURIComponent(activities[2]) } };
    }
    if (req.method === "POST" && path === "/v3/conversations") {
      const params = JSON.parse(raw) as { members?: { id: string }[]; tenantId?: string };
      const userId = params.members?.[0]?.id ?? "nobody";
      const conversationId = `a:created-${userId}`;
      if (!this.createdChats.some((c) => c.conversationId === conversationId)) this.createdChats.push({ conversationId, userId, tenantId: params.tenantId });
      return { status: 201, body: { id: conversationId } };
    }
    const paged = /^\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(path);
    if (req.method === "GET" && paged?.[1]) {
      const query = new URL(req.url ?? "", "http://connector").searchParams;
      const asked = Number(query.get("pageSize") ?? "") || 200;
      const continuationToken = query.get("continuationToken");
      this.rosterPages.push({ conversationId: decodeURIComponent(paged[1]), pageSize: asked, continuationToken });
      const start = Number(continuationToken ?? "0") || 0;
      const size = Math.min(asked, this.rosterPageSize);
      const all = [...this.roster.values()];
      const members = all.slice(start, start + size).map((m) => ({ ...m, tenantId: "tenant-1", userRole: m.userRole ?? "user" }));
      return { status: 200, body: { members, ...(start + size < all.length ? { continuationToken: String(start + size) } : {}) } };
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (req.method === "GET" && member?.[1] && member[2]) {
      const userId = decodeURIComponent(member[2]);
      this.memberLookups.push({ conversationId: decodeURIComponent(member[1]), userId });
      // Like the real service, a member can be looked up by their Bot Framework id or their Entra ID object id.
      const found = this.roster.get(userId) ?? [...this.roster.values()].find((m) => m.aadObjectId === userId);
      if (!found) return { status: 404, body: { error: { code: "MemberNotFoundInConversation", message: "not found" } } };
      return { status: 200, body: { ...found, tenantId: "tenant-1", userRole: found.userRole ?? "user" } };
    }
    return { status: 404, body: { error: { code: "NotFound", message: path } } };
  }
}

/** Everything a person would read in a sent activity: text, notification summary and card JSON. */
export function textOf(sent: SentActivity): string {
  const a = sent.activity;
  return [a.text, a.summary, JSON.stringify(a.attachments ?? [])].filter(Boolean).join("\n");
}
