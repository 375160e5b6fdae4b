// Signed requests whose payload Bolt cannot read (found by the HTTP fuzz): a 400, never a 500 — a 500 tells
// Slack to deliver the same payload again, which cannot help. A listener's failure on an event stays a 500
// (slack-reaction-kudos.test.ts: Slack retries it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_SECRET, startHarness, type Harness } from "../support/spur-harness.ts";
import { slackSignatureHeaders } from "../support/slack-signing.ts";
import { ALL_USERS } from "../support/users.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
});
afterAll(async () => {
  await h?.stop();
});

describe("Slack payloads Bolt cannot read", () => {
  it.each([
    ["a reaction without its user", { type: "reaction_added", user: null, reaction: "star", channel_type: "channel" }],
    ["an event whose item is a string", { type: "reaction_added", user: "UANA", item: "", reaction: "star" }],
  ])("answers 400 to %s", async (_what, event) => {
    const res = await h.event(event);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: "invalid_payload" });
  });

  it.each([
    ["a workspace id with a NUL", { team: "\u0000" }, { type: "reaction_added", user: "UANA", reaction: "star", item_user: "UBO", item: { type: "message", channel: "CGENERAL", ts: "1.1" } }],
    ["a workspace id with half a surrogate pair", { team: "T\ud800" }, { type: "reaction_added", user: "UANA", reaction: "star", item_user: "UBO", item: { type: "message", channel: "CGENERAL", ts: "1.1" } }],
    ["a user id with a NUL", {}, { type: "reaction_added", user: "U\u0000", reaction: "star", item_user: "UBO", item: { type: "message", channel: "CGENERAL", ts: "1.1" } }],
    ["a channel id with half a surrogate pair", {}, { type: "reaction_added", user: "UANA", reaction: "star", item_user: "UBO", item: { type: "message", channel: "C\udfff", ts: "1.1" } }],
  ])("answers 400 to an event with %s (it names nothing Spur could look up)", async (_what, options, event) => {
    const res = await h.event(event, options);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: "invalid_payload" });
    expect(await h.spur.db.kudos.count()).toBe(0);
  });

  it("answers a signed body that is JSON null (Bolt never answered it) with a 400", async () => {
    const res = await h.post("null", { "content-type": "application/json", ...slackSignatureHeaders(SIGNING_SECRET, "null") });
    expect(res.status).toBe(400);
    // The same through a form's payload; and neither leaves an unhandled rejection behind (vitest fails on one).
    const form = "payload=null";
    const viaForm = await h.post(form, { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SIGNING_SECRET, form) });
    expect(viaForm.status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
  });

  it("answers an event callback whose event has no type below 500 (no listener takes it)", async () => {
    const body = JSON.stringify({
      token: "legacy-verification-token",
      team_id: "T0001",
      api_app_id: "ASPUR",
      type: "event_callback",
      event_id: "Ev_NOTYPE",
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: "T0001", user_id: "USPURBOT", is_bot: true }],
      event: { type: null, user: "UANA", item: { type: "message", channel: "CGENERAL", ts: "x" } },
    });
    const res = await h.post(body, { "content-type": "application/json", ...slackSignatureHeaders(SIGNING_SECRET, body) });
    expect(res.status).toBeLessThan(500);
  });

  it("answers 400 to an interaction whose channel is null", async () => {
    const res = await h.interaction({ type: "block_actions", user: { id: "UANA", team_id: "T0001" }, channel: null, actions: [] });
    expect(res.status).toBe(400);
    expect(await h.spur.db.kudos.count()).toBe(0);
  });
});
