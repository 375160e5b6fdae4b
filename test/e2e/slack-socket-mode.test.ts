// With SLACK_APP_TOKEN set, Spur takes Slack's commands over Socket Mode instead of HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { FakeSocketMode } from "../support/fake-socket-mode.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
let socket: FakeSocketMode;

beforeAll(async () => {
  socket = await new FakeSocketMode().start();
  const slack = new FakeSlackApi(ALL_USERS);
  slack.socketModeUrl = socket.url;
  h = await startHarness({ slack, env: { SLACK_APP_TOKEN: "xapp-1-test" } });
});
afterAll(async () => {
  await h?.stop();
  await socket?.stop();
});

describe("Socket Mode", () => {
  it("connects with the app token and handles a slash command delivered over the socket", async () => {
    expect(h.slack.callsTo("apps.connections.open").length).toBeGreaterThanOrEqual(1);
    await h.slack.waitFor(() => socket.connected);
    const envelope = socket.deliver("slash_commands", {
      token: "legacy",
      team_id: "T0001",
      team_domain: "spur-test",
      channel_id: "CSOCKET",
      channel_name: "socket",
      user_id: USERS.bo.id,
      user_name: "bo",
      command: "/kudos",
      text: `${esc(USERS.ana)} 2 answered over the socket #ownership`,
      api_app_id: "ASPUR",
      response_url: h.slack.responseUrl("socket-1"),
      trigger_id: "socket.trigger.1",
    });
    // The gift is stored before the ack goes out over the socket, and the confirmation is the ack's payload.
    const ack = await h.slack.waitFor(() => socket.acks.find((a) => a.envelope_id === envelope));
    expect(await h.spur.db.kudos.count()).toBe(1);
    expect(ack.payload).toMatchObject({ response_type: "ephemeral" });
    expect(String((ack.payload as { text?: unknown }).text)).toContain("Kudos sent");
    expect(h.slack.callsTo("chat.postEphemeral")).toHaveLength(0);
    await h.slack.waitForCall("chat.postMessage", (a) => a.channel === "CSOCKET");
  });

  it("does not serve /slack/events over HTTP in Socket Mode", async () => {
    const res = await fetch(`${h.baseUrl}/slack/events`, { method: "POST", body: "x=1" });
    expect(res.status).toBe(404);
  });
});
