// Property-based fuzz of every HTTP route: random bytes, unicode (NUL, lone surrogates) and oversized bodies,
// correctly signed or authenticated so they get past the door: Slack events, commands and interactivity, Teams
// activities, the KPI API and CSV import, the helpdesk webhooks, OAuth, health, metrics and charts. Spur must
// answer every one below 500, stay up, and keep its memory bounded. FUZZ_RUNS sets the cases per property.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CARD_VERBS } from "../../src/teams/cards/card-actions.ts";
import { slackActionId } from "../../src/slack/render/blocks.ts";
import { slackCallbackId } from "../../src/slack/render/modal.ts";
import { FakeBotConnector } from "../support/fake-bot-connector.ts";
import { fixture, freshdeskHeaders, intercomHeaders, zendeskHeaders } from "../support/helpdesk-signing.ts";
import { FUZZ_RUNS, fuzzParameters, fuzzTimeout, heapAfterGc, mutated, nastyText, nastyValue, OVERSIZED_RUNS, randomBody } from "../support/fuzz.ts";
import { SIGNING_SECRET, startHarness, TEAM_ID, type Harness } from "../support/spur-harness.ts";
import { BOT, botAddedToTeam, cardAction, GENERAL, message, TEAMS_ROSTER, TEAMS_USERS, TENANT_ID } from "../support/teams-activities.ts";
import { ALL_USERS, USERS } from "../support/users.ts";

const SECRETS = { zendesk: "zendesk-fuzz-secret", intercom: "intercom-fuzz-secret", freshdesk: "freshdesk-fuzz-secret" };
const VERBS = Object.values(CARD_VERBS);
const SLACK_ACTIONS = [...VERBS.map((v) => slackActionId(v)), ...VERBS.map((v) => slackActionId(v, "x")), "value", "give_kudos_for_message"];
const SLACK_CALLBACKS = [...VERBS.map((v) => slackCallbackId(v)), "feedback_modal", "give_kudos", "kudos_modal"];
const SLACK_USER_IDS = [...ALL_USERS.map((u) => u.id), "UNOBODY", "", "W123"];

let h: Harness;
let connector: FakeBotConnector;
let workspaceId = "";
let apiToken = "";
/** Every answer ≥ 500, with what was sent: the test fails listing them. */
const failures: { route: string; status: number; sent: string }[] = [];
let heapAtStart = 0;

interface Sent {
  route: string;
  path: string;
  method?: string;
  body?: Buffer | string;
  headers?: Record<string, string>;
}

async function send(req: Sent): Promise<number> {
  let res: Response;
  try {
    res = await fetch(`${h.baseUrl}${req.path}`, {
      method: req.method ?? "POST",
      headers: req.headers ?? {},
      ...(req.body !== undefined && req.method !== "GET" && req.method !== "HEAD" ? { body: req.body } : {}),
      redirect: "manual",
    });
    await res.arrayBuffer();
  } catch (err) {
    // A server may answer an oversized body early (413) and close the connection while the client still sends.
    if (req.route.startsWith("oversized")) return 0;
    failures.push({ route: req.route, status: -1, sent: `${req.path}: ${String(err)}` });
    return -1;
  }
  if (res.status >= 500) {
    const body = req.body === undefined ? "" : Buffer.from(req.body).toString("utf8").slice(0, 400);
    failures.push({ route: req.route, status: res.status, sent: `${req.method ?? "POST"} ${req.path.slice(0, 200)} ${JSON.stringify(body)}` });
  }
  return res.status;
}

/** How a case prints in fast-check's report: short, even for a 24 MB body. */
function described(req: Sent): Sent {
  const body = Buffer.from(req.body ?? "");
  const shown = `${req.method ?? "POST"} ${req.path} ${body.length} bytes: ${JSON.stringify(body.subarray(0, 600).toString("utf8"))}`;
  return Object.assign(req, { [fc.toStringMethod]: () => shown });
}

/**
 * Requests of one fast-check case, sent at once: Bolt answers a payload no listener takes only after 3 s (404),
 * so a case's time is that wait, however many requests share it.
 */
const BATCH = 40;

/** Sends `runs` requests drawn from `arbitrary`, BATCH at a time; every answer must be below 500. */
async function fuzz(arbitrary: fc.Arbitrary<Sent>, runs = FUZZ_RUNS, batch = BATCH): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.array(arbitrary.map(described), { minLength: 1, maxLength: batch }), async (reqs) => {
      const statuses = await Promise.all(reqs.map(send));
      for (const status of statuses) expect(status).toBeGreaterThanOrEqual(0);
      for (const status of statuses) expect(status).toBeLessThan(500);
    }),
    fuzzParameters(Math.ceil(runs / ((batch + 1) / 2))),
  );
}

function slackSigned(body: Buffer | string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:`).update(body).digest("hex");
  return { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": `v0=${signature}` };
}

/** Percent-encodes the text's UTF-8 bytes (encodeURIComponent throws on a lone surrogate). */
const pct = (t: string) => [...Buffer.from(t, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");

const contentTypes = fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "");

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ users: ALL_USERS, teams: true });
  const { workspace } = await h.spur.services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: "UTC" });
  workspaceId = workspace.id;
  apiToken = (await h.spur.services.apiTokens.create(workspaceId, "fuzz", null)).token;
  for (const [provider, secret] of Object.entries(SECRETS)) await h.spur.services.helpdesks.setSecret(workspaceId, provider, secret);
  expect((await h.teams(botAddedToTeam(connector.url))).status).toBe(200);
  heapAtStart = heapAfterGc();
}, 60_000);

/**
 * /healthz's status. The client's connection pool may hand out, once, a connection the server closed after
 * answering an oversized body early (413 before the upload ended): that attempt fails with ECONNRESET, so a
 * connection error is tried again on a new connection, a few times; a process that is down fails every time.
 */
async function healthz(): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await fetch(`${h.baseUrl}/healthz`)).status;
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

afterEach(async () => {
  // The process is alive and serving after each route's cases; each failing case is listed (first ten).
  expect(await healthz()).toBe(200);
  const found = failures.splice(0);
  expect(found.slice(0, 10)).toEqual([]);
});

afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

describe(`fuzz: every HTTP route answers below 500 (${FUZZ_RUNS} cases each)`, () => {
  it("Slack /slack/events: signed random bodies of any content type", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    await fuzz(fc.tuple(randomBody, contentTypes).map(([body, type]) => ({ route: "slack raw", path: "/slack/events", body, headers: slackSigned(body, type) })));
  });

  it("Slack events: signed event callbacks with random events", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const event = fc.record(
      {
        type: fc.oneof(fc.constantFrom("reaction_added", "reaction_removed", "team_join", "user_change", "app_uninstalled", "tokens_revoked", "message", "app_mention"), nastyText(20)),
        user: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyValue),
        reaction: fc.oneof(fc.constantFrom("star", "tada", "+1"), nastyText(30)),
        item_user: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyValue),
        item: fc.oneof(fc.record({ type: fc.constant("message"), channel: fc.constantFrom("CGENERAL", "GPRIVATE", "D123"), ts: fc.constantFrom("1700000000.000100", "x") }), nastyValue),
        event_ts: fc.constantFrom("1700000000.000200", ""),
        text: nastyText(),
        channel_type: fc.constantFrom("channel", "group", "im", "mpim"),
      },
      { requiredKeys: ["type"] },
    );
    const envelope = fc.record({
      token: fc.constant("legacy-verification-token"),
      team_id: fc.oneof(fc.constant(TEAM_ID), nastyText(12)),
      api_app_id: fc.constant("ASPUR"),
      type: fc.oneof(fc.constant("event_callback"), fc.constant("url_verification"), nastyText(12)),
      challenge: nastyText(40),
      event_id: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `Ev${s}`),
      event_time: fc.integer(),
      authorizations: fc.constant([{ team_id: TEAM_ID, user_id: "USPURBOT", is_bot: true }]),
      event,
    });
    await fuzz(
      fc.oneof(envelope, envelope.chain((e) => mutated(e))).map((e) => {
        const body = JSON.stringify(e) ?? "null";
        return { route: "slack event", path: "/slack/events", body, headers: slackSigned(body, "application/json") };
      }),
    );
  });

  it("Slack slash commands: signed forms with random text and fields", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const form = fc.record(
      {
        command: fc.oneof(fc.constantFrom("/kudos", "/scorecard", "/leaderboard", "/feedback", "/spur"), nastyText(12)),
        text: fc.oneof(
          nastyText(),
          fc.tuple(fc.constantFrom("", "help", "balance", "history", "settings", "role", "timezone", "digest", "revoke", "forget", "export", "request", "report", "threshold", "targets", "helpdesk", "api-token", "week", "2026-Q4", "9999-Q4", "0000-01"), nastyText(60), fc.constantFrom("", `<@${USERS.ana.id}|ana>`, `<@${USERS.bot.id}>`, "<#CGENERAL|general>", "3", "#ownership")).map((parts) => parts.join(" ")),
        ),
        user_id: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyText(12)),
        team_id: fc.oneof(fc.constant(TEAM_ID), nastyText(12)),
        channel_id: fc.oneof(fc.constantFrom("CGENERAL", "D123", "GPRIVATE"), nastyText(12)),
        trigger_id: fc.string({ maxLength: 30 }),
        response_url: fc.oneof(fc.constant(h.slack.responseUrl("fuzz")), nastyText(30)),
        api_app_id: fc.constant("ASPUR"),
        token: fc.constant("legacy-verification-token"),
      },
      { requiredKeys: ["command"] },
    );
    await fuzz(
      form.map((fields) => {
        const body = new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
        return { route: "slack command", path: "/slack/events", body, headers: slackSigned(body, "application/x-www-form-urlencoded") };
      }),
    );
  });

  it("Slack interactivity: signed block actions, view submissions and shortcuts with random values", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const user = fc.record({ id: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyText(10)), team_id: fc.constant(TEAM_ID) });
    const state = fc.dictionary(nastyText(20), fc.dictionary(fc.oneof(fc.constant("value"), nastyText(10)), nastyValue, { maxKeys: 3 }), { maxKeys: 4 });
    const payload = fc.record(
      {
        type: fc.oneof(fc.constantFrom("block_actions", "view_submission", "view_closed", "message_action", "shortcut", "block_suggestion"), nastyText(15)),
        team: fc.constant({ id: TEAM_ID, domain: "spur-test" }),
        user,
        api_app_id: fc.constant("ASPUR"),
        token: fc.constant("legacy-verification-token"),
        trigger_id: fc.string({ maxLength: 20 }),
        callback_id: fc.oneof(fc.constant("give_kudos_for_message"), nastyText(20)),
        response_url: fc.constant(h.slack.responseUrl("fuzz")),
        channel: fc.oneof(fc.record({ id: fc.constantFrom("CGENERAL", "GPRIVATE", "D1") }), nastyValue),
        message: fc.oneof(fc.record({ user: fc.constantFrom(...SLACK_USER_IDS), text: nastyText(), ts: fc.constant("1700000000.000100") }), nastyValue),
        actions: fc.array(
          fc.record({ type: fc.constantFrom("button", "static_select", "users_select"), action_id: fc.oneof(fc.constantFrom(...SLACK_ACTIONS), nastyText(20)), block_id: nastyText(10), value: fc.oneof(nastyText(), nastyValue.map((v) => JSON.stringify(v) ?? "")) }),
          { maxLength: 2 },
        ),
        view: fc.record({
          id: fc.constant("VFUZZ"),
          type: fc.constant("modal"),
          callback_id: fc.oneof(fc.constantFrom(...SLACK_CALLBACKS), nastyText(20)),
          private_metadata: fc.oneof(nastyText(), nastyValue.map((v) => JSON.stringify(v) ?? "")),
          state: fc.record({ values: state }),
          team_id: fc.constant(TEAM_ID),
          hash: fc.constant("1.a"),
        }),
      },
      { requiredKeys: ["type", "user", "team"] },
    );
    await fuzz(
      fc.oneof(payload, payload.chain((p) => mutated(p)), nastyText().map((raw) => ({ raw }))).map((p) => {
        const raw = typeof p === "object" && p !== null && "raw" in p ? String((p as { raw: string }).raw) : (JSON.stringify(p) ?? "null");
        const body = new URLSearchParams({ payload: raw }).toString();
        return { route: "slack interaction", path: "/slack/events", body, headers: slackSigned(body, "application/x-www-form-urlencoded") };
      }),
    );
  });

  it("Teams /api/messages: random activities from Teams", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const where = { serviceUrl: connector.url };
    const people = [...Object.values(TEAMS_USERS), { id: "29:stranger", name: "Stranger" }, { id: "28:other-bot", name: "Bot" }];
    const from = fc.constantFrom(...people);
    const text = fc.oneof(
      nastyText(),
      fc.tuple(fc.constantFrom("kudos", "scorecard", "leaderboard", "feedback", "admin", "help", "kudos history", "feedback request", "admin role", "admin settings", "admin targets edit"), nastyText(60)).map((p) => p.join(" ")),
    );
    const messages = fc.tuple(from, text, fc.constantFrom<"channel" | "personal">("channel", "personal")).map(([person, t, scope]) => message(person, [t], { ...where, scope }));
    const clicks = fc
      .tuple(from, fc.oneof(fc.constantFrom(...VERBS), nastyText(20)), fc.dictionary(nastyText(12), nastyValue, { maxKeys: 5 }), fc.constantFrom<"channel" | "personal">("channel", "personal"))
      .map(([person, verb, data, scope]) => cardAction(person, verb as string, data, { ...where, scope }));
    const others = fc.record({
      type: fc.oneof(fc.constantFrom("conversationUpdate", "installationUpdate", "invoke", "messageReaction", "event", "typing", "endOfConversation"), nastyText(12)),
      name: fc.oneof(fc.constantFrom("adaptiveCard/action", "composeExtension/fetchTask", "composeExtension/submitAction", "task/fetch", "signin/verifyState"), nastyText(20)),
      action: fc.constantFrom("add", "remove", "x"),
      id: fc.string({ maxLength: 12 }),
      channelId: fc.constant("msteams"),
      serviceUrl: fc.constant(connector.url),
      from,
      recipient: fc.constant(BOT),
      conversation: fc.record({
        id: fc.oneof(fc.constantFrom(GENERAL, "a:personal-29:ana", "19:group@thread.v2"), nastyText(20)),
        conversationType: fc.oneof(fc.constantFrom("channel", "personal", "groupChat"), nastyText(8)),
        tenantId: fc.constant(TENANT_ID),
      }),
      channelData: fc.oneof(fc.constant({ tenant: { id: TENANT_ID }, team: { id: GENERAL, name: "Support" } }), nastyValue),
      membersAdded: fc.array(fc.record({ id: fc.oneof(fc.constantFrom(BOT.id, "29:ana", "29:eve"), nastyText(8)) }), { maxLength: 3 }),
      membersRemoved: fc.array(fc.record({ id: fc.oneof(fc.constantFrom(BOT.id, "29:dee"), nastyText(8)) }), { maxLength: 2 }),
      value: nastyValue,
      text: nastyText(),
      locale: fc.oneof(fc.constantFrom("en-US", "zh-CN", "de"), nastyText(10)),
    });
    const activity = fc.oneof(messages, clicks, others, fc.oneof(messages, clicks, others).chain((a) => mutated(a)));
    await fuzz(
      fc.oneof(
        activity.map((a) => JSON.stringify(a) ?? "null"),
        randomBody,
      ).map((body) => ({ route: "teams", path: "/api/messages", body, headers: { "content-type": "application/json" } })),
    );
  });

  it("KPI API and CSV import with a valid token: random records, CSV text and bytes", { timeout: fuzzTimeout(FUZZ_RUNS * 2) }, async () => {
    const auth = { authorization: `Bearer ${apiToken}`, "content-type": "application/json" };
    const record = fc.record({
      member_email: fc.oneof(fc.constant("ana@example.com"), nastyText(30)),
      metric: fc.oneof(fc.constantFrom("csat", "first_response_minutes", "tickets_solved", "resolution_hours"), nastyText(20)),
      date: fc.oneof(fc.constantFrom("2026-11-30", "0000-01-01", "9999-12-31", "2026-02-30"), nastyText(12)),
      value: fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, "1e308", "NaN", "Infinity"), nastyValue),
      numerator: fc.oneof(fc.double(), nastyValue),
      denominator: fc.oneof(fc.double(), nastyValue),
      source: nastyText(20),
      ref: nastyText(40),
    }, { requiredKeys: [] });
    const batch = fc.oneof(fc.record({ records: fc.array(record, { maxLength: 20 }) }), nastyValue);
    await fuzz(
      fc.oneof(batch.map((b) => Buffer.from(JSON.stringify(b) ?? "null")), randomBody).map((body) => ({ route: "kpi api", path: "/api/kpis", body, headers: auth })),
    );
    const header = fc.oneof(fc.constant("member_email,metric,date,value"), fc.constant("member_email,metric,date,numerator,denominator,source,ref"), nastyText(60));
    const field = fc.oneof(fc.constantFrom("ana@example.com", "csat", "2026-11-30", "4.5", "1e308", "-0", '"quoted, field"', '"unterminated', ""), nastyText(30));
    const row = fc.array(field, { maxLength: 8 }).map((fields) => fields.join(","));
    const csv = fc.tuple(header, fc.array(row, { maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r")).map(([h0, rows, eol]) => [h0, ...rows].join(eol));
    await fuzz(
      fc.oneof(csv.map((c) => Buffer.from(c, "utf8")), randomBody).map((body) => ({ route: "csv import", path: "/api/kpis/csv", body, headers: { authorization: `Bearer ${apiToken}`, "content-type": "text/csv" } })),
    );
  });

  it("helpdesk webhooks, correctly signed: random and mutated deliveries", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const bases = {
      zendesk: [JSON.parse(fixture("zendesk-ticket-status-changed.json")) as unknown, JSON.parse(fixture("zendesk-trigger-rated.json")) as unknown],
      intercom: [JSON.parse(fixture("intercom-conversation-admin-closed.json")) as unknown],
      freshdesk: [JSON.parse(fixture("freshdesk-ticket-resolved.json")) as unknown],
    };
    const delivery = fc.constantFrom("zendesk", "intercom", "freshdesk").chain((provider) =>
      fc
        .oneof(fc.constantFrom(...bases[provider as keyof typeof bases]).chain((b) => mutated(b)).map((v) => Buffer.from(JSON.stringify(v) ?? "null")), randomBody)
        .map((body) => ({ provider, body })),
    );
    await fuzz(
      delivery.map(({ provider, body }) => {
        const secret = SECRETS[provider as keyof typeof SECRETS];
        const text = body.toString("utf8");
        const headers =
          provider === "zendesk" ? zendeskHeaders(secret, text, new Date().toISOString()) : provider === "intercom" ? intercomHeaders(secret, text) : freshdeskHeaders(secret);
        return { route: `webhook ${provider}`, path: `/webhooks/${provider}?workspace=${workspaceId}`, body: text, headers };
      }),
    );
  });

  it("health, readiness, metrics, charts, OAuth paths and unknown routes: random methods, paths and queries", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const paths = fc.constantFrom("/healthz", "/readyz", "/metrics", "/charts/", "/charts/00000000-0000-0000-0000-000000000000.png", "/slack/install", "/slack/oauth_redirect", "/admin/queues", "/api/", "/webhooks/", "/", "/slack/");
    const path = fc.tuple(paths, fc.oneof(fc.constant(""), nastyText(30).map((t) => pct(t)), fc.string({ maxLength: 20 })), fc.oneof(fc.constant(""), nastyText(40).map((t) => `?${pct(t)}=${pct(t)}`), fc.constant("?code=x&state=y"), fc.constant("?workspace=not-a-uuid"))).map(([p, s, q]) => `${p}${s}${q}`);
    await fuzz(
      fc.tuple(fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"), path, randomBody).map(([method, p, body]) => ({ route: "other", method, path: p, body })),
    );
  });

  it("oversized bodies on every route get a 4xx, not a crash", { timeout: fuzzTimeout(OVERSIZED_RUNS * 60) }, async () => {
    const routes = ["/slack/events", "/api/messages", "/api/kpis", "/api/kpis/csv", `/webhooks/zendesk?workspace=${workspaceId}`, `/webhooks/intercom?workspace=${workspaceId}`, "/healthz", "/charts/x.png", "/slack/oauth_redirect"];
    const oversized = fc.tuple(fc.constantFrom(...routes), fc.integer({ min: 1, max: 24 }), fc.constantFrom("a", "[", "{\"records\":[", "😀", "\u0000")).map(([path, megabytes, unit]) => {
      const body = Buffer.from(unit.repeat(Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(unit))));
      const headers = path.startsWith("/slack/") ? slackSigned(body, "application/json") : path.startsWith("/api/kpis") ? { authorization: `Bearer ${apiToken}` } : {};
      return { route: `oversized ${path}`, path, body, headers: { ...headers, "content-type": "application/json" } };
    });
    await fuzz(oversized, OVERSIZED_RUNS * routes.length, 2);
  });

  it("keeps memory bounded and the process serving after all of it", async () => {
    const grown = heapAfterGc() - heapAtStart;
    expect(grown).toBeLessThan(256 * 1024 * 1024);
    expect(process.memoryUsage().rss).toBeLessThan(2 * 1024 * 1024 * 1024);
    expect((await fetch(`${h.baseUrl}/readyz`)).status).toBe(200);
  });
});
