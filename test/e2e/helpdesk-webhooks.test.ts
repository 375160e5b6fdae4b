import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { fixture, freshdeskHeaders, intercomHeaders, zendeskHeaders } from "../support/helpdesk-signing.ts";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
let workspaceId = "";
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
const SECRETS = { zendesk: "zendesk-signing-secret", intercom: "intercom-client-secret", freshdesk: "freshdesk-shared-secret" };

const say = (user: string, command: string, text: string, expectText: string) => ephemeralReply(h, user, command, text, expectText);

function deliver(provider: string, body: string, headers: Record<string, string>, workspace = workspaceId) {
  return h.request(`/webhooks/${provider}?workspace=${workspace}`, { method: "POST", body, headers });
}

async function records(source: string) {
  const rows = await h.spur.db.kpiRecord.findMany({ where: { source }, include: { member: true }, orderBy: [{ metric: "asc" }] });
  return rows.map((r) => ({ who: r.member.platformUserId, metric: r.metric, date: r.periodDate.toISOString().slice(0, 10), value: r.value, ref: r.ref, numerator: r.numerator, denominator: r.denominator }));
}

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  for (const user of [USERS.ana, USERS.bo, USERS.carl]) await say(user.id, "/scorecard", "", "Your scorecard");
  for (const [provider, secret] of Object.entries(SECRETS)) {
    await say(USERS.admin.id, "/spur", `helpdesk ${provider} ${secret}`, `${provider} connected`);
  }
  await say(USERS.bo.id, "/spur", `helpdesk zendesk agent 235323 ${esc(USERS.ana)}`, "Only Spur admins");
  await say(USERS.admin.id, "/spur", `helpdesk zendesk agent 235323 ${esc(USERS.ana)}`, "zendesk agent 235323 is now ana");
  workspaceId = (await h.spur.db.workspace.findFirstOrThrow()).id;
});
afterAll(async () => {
  await h?.stop();
});

describe("Zendesk webhooks", () => {
  const body = fixture("zendesk-ticket-status-changed.json");
  const timestamp = "2026-11-18T11:59:30Z";

  it("stores resolution time and volume for a solved ticket, mapping the assignee id to a member", async () => {
    const res = await deliver("zendesk", body, zendeskHeaders(SECRETS.zendesk, body, timestamp));
    expect(res.status).toBe(200);
    expect(await records("zendesk")).toEqual([
      { who: "UANA", metric: "resolution_time", date: "2026-11-17", value: 6, ref: "ticket:35436", numerator: null, denominator: null },
      { who: "UANA", metric: "tickets_handled", date: "2026-11-17", value: 1, ref: "ticket:35436", numerator: null, denominator: null },
    ]);
    // Zendesk retries deliveries: the same event changes nothing.
    const again = await deliver("zendesk", body, zendeskHeaders(SECRETS.zendesk, body, timestamp));
    expect(again.json()).toMatchObject({ results: [{ status: "stored", counts: { inserted: 0, updated: 0, unchanged: 2 } }] });
    expect(await records("zendesk")).toHaveLength(2);
  });

  it("takes a trigger payload with a 5-star rating and comment as CSAT and customer kudos, matched by email", async () => {
    const rated = fixture("zendesk-trigger-rated.json");
    const res = await deliver("zendesk", rated, zendeskHeaders(SECRETS.zendesk, rated, timestamp));
    expect(res.status).toBe(200);
    const bo = (await records("zendesk")).filter((r) => r.who === "UBO");
    expect(bo).toEqual([
      { who: "UBO", metric: "csat", date: "2026-11-17", value: 100, ref: "ticket:35437", numerator: 1, denominator: 1 },
      { who: "UBO", metric: "csat_score", date: "2026-11-17", value: 5, ref: "ticket:35437", numerator: null, denominator: null },
      { who: "UBO", metric: "first_response_time", date: "2026-11-17", value: 12, ref: "ticket:35437", numerator: null, denominator: null },
      { who: "UBO", metric: "resolution_time", date: "2026-11-17", value: 2.5, ref: "ticket:35437", numerator: null, denominator: null },
      { who: "UBO", metric: "tickets_handled", date: "2026-11-17", value: 1, ref: "ticket:35437", numerator: null, denominator: null },
    ]);
    const kudos = await h.spur.db.kudos.findMany({ where: { source: "customer" }, include: { recipient: true } });
    expect(kudos.map((k) => [k.recipient.platformUserId, k.giverId, k.reason])).toEqual([["UBO", null, "Bo fixed it in minutes, thank you!"]]);
  });

  it("refuses a bad signature, a stale timestamp and an unknown workspace with 401, storing nothing", async () => {
    const before = await h.spur.db.kpiRecord.count();
    expect((await deliver("zendesk", body, zendeskHeaders("wrong-secret", body, timestamp))).status).toBe(401);
    expect((await deliver("zendesk", body, zendeskHeaders(SECRETS.zendesk, body, "2026-11-18T10:00:00Z"))).status).toBe(401);
    const tampered = body.replace('"35436"', '"35499"');
    expect((await deliver("zendesk", tampered, zendeskHeaders(SECRETS.zendesk, body, timestamp))).status).toBe(401);
    expect((await deliver("zendesk", body, zendeskHeaders(SECRETS.zendesk, body, timestamp), "00000000-0000-4000-8000-000000000000")).status).toBe(401);
    expect(await h.spur.db.kpiRecord.count()).toBe(before);
  });

  it("answers a malformed payload with 400 and the reason", async () => {
    const malformed = JSON.stringify({ ticket: { id: "1", status: "solved" } });
    const res = await deliver("zendesk", malformed, zendeskHeaders(SECRETS.zendesk, malformed, timestamp));
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: "invalid_payload" });
    const notJson = "{ticket";
    expect((await deliver("zendesk", notJson, zendeskHeaders(SECRETS.zendesk, notJson, timestamp))).json()).toMatchObject({ error: "invalid_json" });
  });
});

describe("Intercom webhooks", () => {
  const body = fixture("intercom-conversation-admin-closed.json");
  // The fixture's notification was sent at 2026-11-17T13:00:01Z (created_at); it arrives half a minute later.
  const sent = new Date(1794920401 * 1000);
  beforeAll(() => clock.set(new Date(sent.getTime() + 30_000)));
  afterAll(() => clock.set(new Date("2026-11-18T12:00:00Z")));

  it("stores first response, resolution, CSAT and a customer kudos for a closed, rated conversation", async () => {
    const res = await deliver("intercom", body, intercomHeaders(SECRETS.intercom, body));
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ results: [{ status: "stored", customerKudos: true, counts: { inserted: 5 } }] });
    expect((await records("intercom")).map((r) => [r.who, r.metric, r.value])).toEqual([
      ["UANA", "csat", 100],
      ["UANA", "csat_score", 5],
      ["UANA", "first_response_time", 9],
      ["UANA", "resolution_time", 4],
      ["UANA", "tickets_handled", 1],
    ]);
    // Redelivered: no second kudos.
    const again = await deliver("intercom", body, intercomHeaders(SECRETS.intercom, body));
    expect(again.json()).toMatchObject({ results: [{ customerKudos: false }] });
    const customer = await h.spur.db.kudos.count({ where: { source: "customer", recipient: { platformUserId: "UANA" } } });
    expect(customer).toBe(1);
  });

  it("refuses a bad signature and explains a malformed payload", async () => {
    expect((await deliver("intercom", body, intercomHeaders("nope", body))).status).toBe(401);
    expect((await deliver("intercom", body, { "content-type": "application/json" })).status).toBe(401);
    const malformed = JSON.stringify({ type: "notification_event", topic: "conversation.admin.closed", id: "x", created_at: 1, data: {} });
    const res = await deliver("intercom", malformed, intercomHeaders(SECRETS.intercom, malformed));
    expect(res.status).toBe(400);
    expect(String((res.json() as { message: string }).message)).toContain("data.item");
  });

  it("refuses a correctly signed delivery sent long ago, or dated in the future, storing nothing", async () => {
    const before = await h.spur.db.kpiRecord.count({ where: { source: "intercom" } });
    const dated = (createdAt: number) => body.replace('"created_at": 1794920401', `"created_at": ${createdAt}`);
    const old = dated(Math.floor(new Date("2020-03-01T00:00:00Z").getTime() / 1000));
    const stale = await deliver("intercom", old, intercomHeaders(SECRETS.intercom, old));
    expect(stale.status).toBe(401);
    expect(stale.json()).toMatchObject({ error: "stale_delivery" });
    const ahead = dated(1794920401 + 3600);
    expect((await deliver("intercom", ahead, intercomHeaders(SECRETS.intercom, ahead))).status).toBe(401);
    // Within the window (a retry a few minutes later) it is still taken.
    clock.advance(5 * 60_000);
    expect((await deliver("intercom", body, intercomHeaders(SECRETS.intercom, body))).status).toBe(200);
    expect(await h.spur.db.kpiRecord.count({ where: { source: "intercom" } })).toBe(before);
  });
});

describe("Freshdesk webhooks", () => {
  const body = fixture("freshdesk-ticket-resolved.json");

  it("stores a resolved ticket for the agent with that email; a rating without comment is CSAT only", async () => {
    const res = await deliver("freshdesk", body, freshdeskHeaders(SECRETS.freshdesk));
    expect(res.status).toBe(200);
    expect((await records("freshdesk")).map((r) => [r.who, r.metric, r.date, r.value])).toEqual([
      ["UCARL", "csat", "2026-11-16", 100],
      ["UCARL", "csat_score", "2026-11-16", 5],
      ["UCARL", "first_response_time", "2026-11-16", 30],
      ["UCARL", "resolution_time", "2026-11-16", 4],
      ["UCARL", "tickets_handled", "2026-11-16", 1],
    ]);
    expect(await h.spur.db.kudos.count({ where: { source: "customer", recipient: { platformUserId: "UCARL" } } })).toBe(0);
  });

  it("refuses wrong credentials and explains a malformed payload", async () => {
    expect((await deliver("freshdesk", body, freshdeskHeaders("wrong"))).status).toBe(401);
    expect((await deliver("freshdesk", body, { "content-type": "application/json" })).status).toBe(401);
    const malformed = JSON.stringify({ freshdesk_webhook: { ticket_id: 5, ticket_status: "Resolved", ticket_created_at: "yesterday" } });
    const res = await deliver("freshdesk", malformed, freshdeskHeaders(SECRETS.freshdesk));
    expect(res.status).toBe(400);
    expect(String((res.json() as { message: string }).message)).toContain("ticket_created_at");
  });
});

describe("customer kudos shoutouts", () => {
  it("are posted in the team channel only once the workspace enables them", async () => {
    expect(h.slack.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes("A customer thanked"))).toEqual([]);
    await say(USERS.carl.id, "/spur", "helpdesk shoutouts on", "Only Spur admins");
    await say(USERS.admin.id, "/spur", "channel <#CWINS|support-wins>", "now go to <#CWINS>");
    await say(USERS.admin.id, "/spur", "helpdesk shoutouts on", "will be posted");
    const body = fixture("freshdesk-ticket-resolved.json")
      .replace('"ticket_id": 1024', '"ticket_id": 1025')
      .replace('"ticket_satisfaction_comment": ""', '"ticket_satisfaction_comment": "Carl <3 sorted my refund"');
    const res = await deliver("freshdesk", body, freshdeskHeaders(SECRETS.freshdesk));
    expect(res.json()).toMatchObject({ results: [{ customerKudos: true }] });
    const post = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("A customer thanked"));
    expect(post.args.channel).toBe("CWINS");
    expect(String(post.args.text)).toBe("💬 A customer thanked <@UCARL>: Carl &lt;3 sorted my refund");
    expect(JSON.stringify(post.args.blocks)).toContain("> Carl &lt;3 sorted my refund");
  });

});

describe("customer kudos on the scorecard", () => {
  it("counts customer kudos apart from peer kudos", async () => {
    const call = await say(USERS.ana.id, "/scorecard", "", "Your scorecard");
    const blocks = JSON.stringify(call.args.blocks);
    expect(blocks).toContain("*Customer kudos:* 1");
    expect(blocks).toContain("*Kudos received:* 0 kudos, 0 points");
  });

  it("leaves customer kudos out of the peer kudos of the weekly digest", async () => {
    const team = await h.spur.db.team.findFirstOrThrow({ where: { isDefault: true } });
    expect(await h.spur.db.kudos.count({ where: { source: "customer" } })).toBe(3);
    const week = await h.spur.services.kudos.teamWeek(team.id, { start: new Date("2026-11-16T00:00:00Z"), end: new Date("2026-11-23T00:00:00Z") }, 5);
    expect(week).toMatchObject({ count: 0, points: 0, topRecipients: [] });
  });
});

describe("customer comments in Slack's fallback text", () => {
  it("are escaped like the blocks's mentions and links: no @channel, no disguised link", async () => {
    const comment = "<!channel> Carl rocks, see <https://evil.example/login|your refund status>";
    const body = fixture("freshdesk-ticket-resolved.json")
      .replace('"ticket_id": 1024', '"ticket_id": 1026')
      .replace('"ticket_satisfaction_comment": ""', `"ticket_satisfaction_comment": ${JSON.stringify(comment)}`);
    expect((await deliver("freshdesk", body, freshdeskHeaders(SECRETS.freshdesk))).json()).toMatchObject({ results: [{ customerKudos: true }] });
    const post = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("Carl rocks"));
    const text = String(post.args.text);
    expect(text).toBe("💬 A customer thanked <@UCARL>: &lt;!channel&gt; Carl rocks, see &lt;https://evil.example/login|your refund status&gt;");
    for (const sent of [text, JSON.stringify(post.args.blocks)]) {
      expect(sent).not.toContain("<!channel>");
      expect(sent).not.toContain("<https://evil.example");
    }
  });
});
