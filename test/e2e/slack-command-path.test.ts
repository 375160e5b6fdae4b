// The slash-command path in front of Bolt (src/slack/slash-command-path.ts): two Spurs side by side, one answering
// slash commands itself (the default) and one sending them through Bolt (SLACK_COMMANDS_VIA_BOLT=true). The same
// signed requests must get the same answers, and what is not a good slash command must reach Bolt.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, SIGNING_SECRET, TEAM_ID, type Harness } from "../support/spur-harness.ts";
import { syncRoster } from "../support/roster.ts";
import { slackSignatureHeaders } from "../support/slack-signing.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let lean: Harness;
let bolt: Harness;
let triggers = 0;

beforeAll(async () => {
  [lean, bolt] = await Promise.all([startHarness({ users: ALL_USERS }), startHarness({ users: ALL_USERS, env: { SLACK_COMMANDS_VIA_BOLT: "true" } })]);
  for (const h of [lean, bolt]) {
    await syncRoster(h);
    await h.setRecognitionSettings({ allowancePoints: 100 });
  }
});
afterAll(async () => {
  await Promise.all([lean?.stop(), bolt?.stop()]);
});

/** A slash command's form as Slack sends it (`fields` override or add fields). */
function commandForm(command: string, text: string, fields: Record<string, string> = {}, responseUrl = "http://127.0.0.1:9/response/x"): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: TEAM_ID,
    team_domain: "spur-test",
    channel_id: "CGENERAL",
    channel_name: "general",
    user_id: USERS.carl.id,
    user_name: "carl",
    command,
    text,
    api_app_id: "ASPUR",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `path.${++triggers}`,
    ...fields,
  }).toString();
}

const signed = (form: string, headers: Record<string, string> = {}) => ({
  "content-type": "application/x-www-form-urlencoded",
  ...slackSignatureHeaders(SIGNING_SECRET, form),
  ...headers,
});

/** Posts to /slack/events, returning what Slack would see: status, content type and body. */
async function post(h: Harness, body: string, headers: Record<string, string>) {
  const res = await fetch(`${h.baseUrl}/slack/events`, { method: "POST", body, headers });
  return { status: res.status, contentType: res.headers.get("content-type"), body: await res.text() };
}

/** How many Slack requests each path answered so far. */
async function answeredBy(h: Harness): Promise<Record<string, number>> {
  const text = (await h.request("/metrics", {})).body;
  return Object.fromEntries([...text.matchAll(/^spur_slack_requests_total\{path="(\w+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
}

/** Sends the same request to both Spurs; returns both answers and which path answered each. */
async function both(body: string, headers: Record<string, string>) {
  const before = await Promise.all([answeredBy(lean), answeredBy(bolt)]);
  const answers = await Promise.all([post(lean, body, headers), post(bolt, body, headers)]);
  const after = await Promise.all([answeredBy(lean), answeredBy(bolt)]);
  const path = (i: 0 | 1) => Object.keys(after[i]).find((k) => (after[i][k] ?? 0) > (before[i][k] ?? 0));
  return { lean: answers[0], bolt: answers[1], leanPath: path(0), boltPath: path(1) };
}

const giftsFrom = async (h: Harness, user: string) => h.spur.db.kudos.count({ where: { giver: { platformUserId: user } } });

describe("slash commands in front of Bolt", () => {
  it("answers /kudos with the same body Bolt answers it with, and stores the gift once", async () => {
    const form = commandForm("/kudos", `${esc(USERS.ana)} 2 kept the queue under control #ownership`);
    const answer = await both(form, signed(form));
    expect(answer.leanPath).toBe("slash_command");
    expect(answer.boltPath).toBe("bolt");
    expect(answer.lean.status).toBe(200);
    expect(answer.lean.contentType).toBe("application/json");
    expect(answer.lean.body).toContain("Kudos sent");
    expect(answer.lean).toEqual(answer.bolt);
    expect(await giftsFrom(lean, USERS.carl.id)).toBe(1);
  });

  it("answers a retried delivery (X-Slack-Retry-Num) as Bolt does: the gift already recorded, not stored twice", async () => {
    const form = commandForm("/kudos", `${esc(USERS.bo)} thanks for the handover`, { user_id: USERS.dee.id });
    await both(form, signed(form));
    const retry = await both(form, signed(form, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" }));
    expect(retry.leanPath).toBe("slash_command");
    expect(retry.lean.body).toContain("already recorded");
    expect(retry.lean).toEqual(retry.bolt);
    expect(await giftsFrom(lean, USERS.dee.id)).toBe(1);
    expect(await giftsFrom(bolt, USERS.dee.id)).toBe(1);
  });

  it("answers refusals, help, other commands and an unreadable payload as Bolt does", async () => {
    const forms = [
      commandForm("/kudos", `${esc(USERS.carl)} 1 me, myself and I`),
      commandForm("/kudos", "help"),
      commandForm("/kudos", `${esc(USERS.ana)} 999 too generous`),
      commandForm("/leaderboard", ""),
      commandForm("/kudos", "balance"),
      commandForm("/kudos", `${esc(USERS.ana)} thanks`, { user_id: "not-a-user" }),
      commandForm("/kudos", `${esc(USERS.ana)} thanks`, { response_url: "not a url" }),
    ];
    for (const form of forms) {
      const answer = await both(form, signed(form));
      expect(answer.leanPath, form).toBe("slash_command");
      expect(answer.lean.status, form).toBe(200);
      expect(answer.lean, form).toEqual(answer.bolt);
    }
  });

  it("opens the kudos form for /kudos without text, as Bolt does (empty ack, views.open)", async () => {
    const form = commandForm("/kudos", "");
    const opened = () => lean.slack.callsTo("views.open").length + bolt.slack.callsTo("views.open").length;
    const before = opened();
    const answer = await both(form, signed(form));
    expect(answer.leanPath).toBe("slash_command");
    expect(answer.lean).toEqual({ status: 200, contentType: null, body: "" });
    expect(answer.lean).toEqual(answer.bolt);
    await lean.slack.waitFor(async () => opened() === before + 2);
    // Each form has its own id; everything else about them is the same.
    const [viaLean, viaBolt] = [lean, bolt].map((h) => JSON.stringify(h.slack.callsTo("views.open").at(-1)!.args).replace(/formId\\":\\"[0-9a-f-]+/, "formId"));
    expect(viaLean).toContain("give_kudos");
    expect(viaLean).toEqual(viaBolt);
  });

  it("leaves forged, stale, unsigned and future-dated requests to Bolt's refusal: 401, nothing stored", async () => {
    const form = commandForm("/kudos", `${esc(USERS.ana)} 1 forged`, { user_id: USERS.admin.id });
    const now = Math.floor(Date.now() / 1000);
    const cases: Record<string, string>[] = [
      { ...signed(form), ...slackSignatureHeaders("not-the-signing-secret", form) },
      { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SIGNING_SECRET, form, now - 6 * 60) },
      { "content-type": "application/x-www-form-urlencoded" },
      { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SIGNING_SECRET, form, now + 6 * 60) },
      // Signed over another body.
      { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SIGNING_SECRET, `${form}&x=1`) },
    ];
    for (const headers of cases) {
      const answer = await both(form, headers);
      expect(answer.lean.status).toBe(401);
      expect(answer.lean).toEqual(answer.bolt);
      expect(answer.leanPath).not.toBe("slash_command");
    }
    expect(await giftsFrom(lean, USERS.admin.id)).toBe(0);
  });

  it("leaves to Bolt what it would not read as a slash command: repeated fields, an unregistered command, a payload field", async () => {
    const text = encodeURIComponent(`${esc(USERS.ana)} 1 twice`);
    const forms = [
      `${commandForm("/kudos", "")}&text=${text}&text=${text}`,
      commandForm("/not-spurs", "hello"),
      commandForm("/kudos", `${esc(USERS.ana)} 1 thanks`, { payload: JSON.stringify({ type: "block_actions" }) }),
    ];
    for (const form of forms) {
      const answer = await both(form, signed(form));
      expect(answer.leanPath, form).toBe("bolt");
      expect(answer.lean, form).toEqual(answer.bolt);
    }
  });

  it("leaves events and interactivity to Bolt", async () => {
    const before = await answeredBy(lean);
    const res = await lean.event({ type: "app_home_opened", user: USERS.ana.id, channel: "DANA", tab: "home" });
    expect(res.status).toBe(200);
    const after = await answeredBy(lean);
    expect((after.bolt ?? 0) - (before.bolt ?? 0)).toBe(1);
    expect(after.slash_command).toBe(before.slash_command);
  });
});
