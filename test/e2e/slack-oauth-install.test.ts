// Multi-workspace mode: workspaces install Spur through OAuth, each install's bot token is stored encrypted,
// every Web API call for a workspace (request path and background jobs) uses that workspace's token, and
// uninstalling removes the token and stops the workspace's scheduled posts.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { waitForCommandReply } from "../support/ack-replies.ts";
import type { FakeWorkspace } from "../support/fake-slack-api.ts";
import { kudosSubmission, reaction } from "../support/recognition-payloads.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

const CLIENT_ID = "1234567890.0987654321";
const ACME: FakeWorkspace = {
  teamId: "TACME",
  teamName: "Acme Support",
  botToken: "xoxb-acme-0123456789-secret",
  botUserId: "UACMEBOT",
  botId: "BACME",
  installerUserId: USERS.admin.id,
};
const GLOBEX: FakeWorkspace = {
  teamId: "TGLOBEX",
  teamName: "Globex Care",
  botToken: "xoxb-globex-9876543210-secret",
  botUserId: "UGLOBEXBOT",
  botId: "BGLOBEX",
  installerUserId: USERS.admin.id,
};

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    users: ALL_USERS,
    captureLogs: true,
    env: {
      SLACK_BOT_TOKEN: "",
      SLACK_CLIENT_ID: CLIENT_ID,
      SLACK_CLIENT_SECRET: "test-client-secret",
      SLACK_STATE_SECRET: "test-state-secret-0123456789",
      SPUR_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    },
  });
});
afterAll(async () => {
  await h?.stop();
});

/** GET /slack/install: the redirect to Slack's authorize page, with its state and the state cookie. */
async function beginInstall() {
  const res = await fetch(`${h.baseUrl}/slack/install`, { redirect: "manual" });
  const location = new URL(res.headers.get("location") ?? "http://missing/");
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { status: res.status, location, state: location.searchParams.get("state") ?? "", cookie };
}

async function oauthRedirect(query: Record<string, string>, cookie?: string) {
  const res = await fetch(`${h.baseUrl}/slack/oauth_redirect?${new URLSearchParams(query)}`, {
    redirect: "manual",
    headers: cookie ? { cookie } : {},
  });
  return { status: res.status, body: await res.text() };
}

async function install(workspace: FakeWorkspace, code: string) {
  h.slack.grantInstall(code, workspace);
  const begun = await beginInstall();
  return oauthRedirect({ code, state: begun.state }, begun.cookie);
}

const installationRows = () => h.spur.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM slack_installation ORDER BY team_id`;

describe("Slack OAuth install (multi-workspace mode)", () => {
  it("sends the installer to Slack's authorize page with the bot scopes and a signed state", async () => {
    const begun = await beginInstall();
    expect(begun.status).toBe(302);
    expect(`${begun.location.origin}${begun.location.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(begun.location.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(begun.location.searchParams.get("scope")?.split(",")).toEqual(expect.arrayContaining(["commands", "chat:write", "users:read"]));
    expect(begun.state.length).toBeGreaterThan(20);
    expect(begun.cookie).toContain(begun.state);
  });

  it("refuses a callback with a missing, forged or cookie-less state, storing nothing", async () => {
    h.slack.grantInstall("code-bad-state", ACME);
    const begun = await beginInstall();
    const attempts = [
      await oauthRedirect({ code: "code-bad-state" }, begun.cookie),
      await oauthRedirect({ code: "code-bad-state", state: "forged-state" }, begun.cookie),
      await oauthRedirect({ code: "code-bad-state", state: begun.state }),
      await oauthRedirect({ code: "code-bad-state", state: begun.state }, "slack-app-oauth-state=some-other-state"),
    ];
    for (const res of attempts) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    expect(h.slack.callsTo("oauth.v2.access")).toHaveLength(0);
    expect(await installationRows()).toHaveLength(0);
  });

  it("exchanges the code and stores the install with its bot token encrypted", async () => {
    const res = await install(ACME, "code-acme");
    expect(res.status).toBe(200);
    const exchange = h.slack.callsTo("oauth.v2.access");
    expect(exchange).toHaveLength(1);
    expect(exchange[0]?.args).toMatchObject({ code: "code-acme", client_id: CLIENT_ID });

    const [row] = await installationRows();
    expect(row).toMatchObject({
      install_key: ACME.teamId,
      team_id: ACME.teamId,
      team_name: ACME.teamName,
      bot_user_id: ACME.botUserId,
      bot_id: ACME.botId,
      installer_user_id: ACME.installerUserId,
      is_enterprise_install: false,
    });
    expect(row?.bot_scopes).toEqual(["commands", "chat:write", "users:read"]);
    expect(String(row?.bot_token_encrypted)).toMatch(/^v1\./);
    // Neither the token nor its secret part appears anywhere in the row.
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(ACME.botToken);
    expect(raw).not.toContain("0123456789-secret");
  });

  it("takes an OAuth state once: the same state and cookie again, within its ten minutes, is refused", async () => {
    h.slack.grantInstall("code-first-use", ACME);
    const begun = await beginInstall();
    expect((await oauthRedirect({ code: "code-first-use", state: begun.state }, begun.cookie)).status).toBe(200);
    h.slack.grantInstall("code-replayed-state", GLOBEX);
    const replay = await oauthRedirect({ code: "code-replayed-state", state: begun.state }, begun.cookie);
    expect(replay.status).toBe(400);
    expect(h.slack.callsTo("oauth.v2.access").filter((c) => c.args.code === "code-replayed-state")).toHaveLength(0);
    expect((await installationRows()).map((r) => r.team_id)).toEqual([ACME.teamId]);
  });

  it("serves each workspace's commands and background posts with that workspace's own token", async () => {
    expect((await install(GLOBEX, "code-globex")).status).toBe(200);
    // Each install queues the workspace's roster sync, which reads its people with its own token.
    const synced = (teamId: string) =>
      h.slack.waitFor(async () => {
        const workspace = await h.spur.db.workspace.findFirst({ where: { platform: "slack", externalId: teamId } });
        return workspace && (await h.spur.db.rosterSync.findFirst({ where: { workspaceId: workspace.id, status: "done" } }));
      }, 15_000);
    await synced(ACME.teamId);
    await synced(GLOBEX.teamId);
    expect(h.slack.callsWithToken(ACME.botToken, "users.list").length).toBeGreaterThan(0);
    expect(h.slack.callsWithToken(GLOBEX.botToken, "users.list").length).toBeGreaterThan(0);

    const acme = await h.command("/kudos", `${esc(USERS.ana)} 1 untangled the refund queue`, { user: USERS.carl.id, channel: "CACME", team: ACME.teamId });
    expect(acme.status).toBe(200);
    const globex = await h.command("/kudos", `${esc(USERS.bo)} 1 calmed an angry caller`, { user: USERS.dee.id, channel: "CGLOBEX", team: GLOBEX.teamId });
    expect(globex.status).toBe(200);

    // Each confirmation is its command's ack body (no Web API call, so no token); the shoutout job uses the
    // workspace's token.
    await waitForCommandReply(h, USERS.carl.id, "Kudos sent");
    await waitForCommandReply(h, USERS.dee.id, "Kudos sent");
    expect(h.slack.callsTo("chat.postEphemeral").filter((c) => c.args.user === USERS.carl.id || c.args.user === USERS.dee.id)).toHaveLength(0);
    const acmeShoutout = await h.slack.waitForCall("chat.postMessage", (a) => a.channel === "CACME" && String(a.text).includes("untangled the refund queue"));
    const globexShoutout = await h.slack.waitForCall("chat.postMessage", (a) => a.channel === "CGLOBEX" && String(a.text).includes("calmed an angry caller"));
    expect(acmeShoutout.token).toBe(ACME.botToken);
    expect(globexShoutout.token).toBe(GLOBEX.botToken);
    // Everyone was known from the rosters: nobody was looked up one by one.
    expect(h.slack.callsTo("users.info")).toEqual([]);

    // Interactivity (a modal submission) and events (a kudos reaction) too.
    const modal = kudosSubmission(USERS.dee.id, { recipients: [USERS.bo.id], reason: "stayed late for the outage" }, {
      metadata: { channelId: "CGLOBEXMODAL", sourceRef: null, source: "modal" },
    });
    expect((await h.interaction({ ...modal, team: { id: GLOBEX.teamId } })).status).toBe(200);
    const modalShoutout = await h.slack.waitForCall("chat.postMessage", (a) => a.channel === "CGLOBEXMODAL");
    expect(modalShoutout.token).toBe(GLOBEX.botToken);
    const message = { channel: "CACMEREACT", ts: "1763800000.000900" };
    h.slack.addMessage(message.channel, { ts: message.ts, text: "Fixed the billing export", user: USERS.ana.id });
    expect((await h.event(reaction("reaction_added", USERS.bo.id, USERS.ana.id, message), { team: ACME.teamId })).status).toBe(200);
    const history = await h.slack.waitForCall("conversations.history", (a) => a.channel === message.channel);
    expect(history.token).toBe(ACME.botToken);
    const reactionShoutout = await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("Fixed the billing export"));
    expect(reactionShoutout.token).toBe(ACME.botToken);
    // Let the remaining posts (recipients' DMs) finish before looking at the tokens.
    await h.slack.waitFor(async () => {
      const counts = await h.spur.queues.posts.getJobCounts("active", "waiting", "delayed", "prioritized");
      return Object.values(counts).every((n) => n === 0);
    });

    // Every call carried one of the two installs' tokens (the code exchange carries the client credentials).
    const tokens = new Set(h.slack.calls.filter((c) => c.method !== "oauth.v2.access").map((c) => c.token));
    expect(tokens).toEqual(new Set([ACME.botToken, GLOBEX.botToken]));
  });

  it("on app_uninstalled forgets the token, deactivates the workspace and skips its digest", async () => {
    const res = await h.event({ type: "app_uninstalled" }, { team: GLOBEX.teamId });
    expect(res.status).toBe(200);
    await h.slack.waitFor(async () => (await installationRows()).every((r) => r.team_id !== GLOBEX.teamId));
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { externalId: GLOBEX.teamId }, include: { teams: true } });
    expect(workspace.deactivatedAt).not.toBeNull();
    expect((await installationRows()).map((r) => r.team_id)).toEqual([ACME.teamId]);

    // The workspace's scheduled digest runs, finds no install and skips without posting.
    const team = workspace.teams[0]!;
    await h.spur.db.team.update({ where: { id: team.id }, data: { channelId: "CGLOBEX" } });
    const callsBefore = h.slack.calls.length;
    const job = await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: team.id });
    const outcome = await h.slack.waitFor(async () => (await job.isCompleted()) && (await h.spur.queues.scheduled.getJob(job.id!))?.returnvalue);
    expect(outcome).toEqual({ status: "skipped", reason: "not_installed" });
    expect(h.slack.calls.slice(callsBefore)).toEqual([]);

    // A command from the uninstalled workspace fails authorization (which Bolt runs before answering Slack):
    // nothing is recorded and no token is used.
    const kudosBefore = await h.spur.db.kudos.count();
    await h.command("/kudos", `${esc(USERS.bo)} 1 thanks for the cover`, { user: USERS.dee.id, team: GLOBEX.teamId });
    await h.slack.waitFor(() => h.logs.find((l) => l.msg === "Slack request from a workspace Spur is not installed in"));
    expect(await h.spur.db.kudos.count()).toBe(kudosBefore);
    expect(h.slack.calls.slice(callsBefore)).toEqual([]);
  });

  it("reinstalling brings the workspace back", async () => {
    expect((await install(GLOBEX, "code-globex-again")).status).toBe(200);
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { externalId: GLOBEX.teamId } });
    expect(workspace.deactivatedAt).toBeNull();
  });

  it("on tokens_revoked for the bot token forgets the install; a revoked user token alone changes nothing", async () => {
    await h.event({ type: "tokens_revoked", tokens: { oauth: ["UADMIN"] } }, { team: ACME.teamId });
    expect((await installationRows()).map((r) => r.team_id)).toContain(ACME.teamId);
    await h.event({ type: "tokens_revoked", tokens: { bot: [ACME.botUserId] } }, { team: ACME.teamId });
    await h.slack.waitFor(async () => (await installationRows()).every((r) => r.team_id !== ACME.teamId));
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { externalId: ACME.teamId } });
    expect(workspace.deactivatedAt).not.toBeNull();
  });

  it("never logs a bot token", () => {
    const logged = JSON.stringify(h.logs);
    expect(h.logs.length).toBeGreaterThan(0);
    for (const token of [ACME.botToken, GLOBEX.botToken]) expect(logged).not.toContain(token);
  });
});

describe("single-workspace mode (SLACK_BOT_TOKEN)", () => {
  let single: Harness;
  beforeAll(async () => {
    single = await startHarness({ users: ALL_USERS });
  });
  afterAll(async () => {
    await single?.stop();
  });

  it("serves no install pages, and records an uninstall by deactivating the workspace", async () => {
    expect((await single.request("/slack/install", { redirect: "manual" })).status).toBe(404);
    const workspaceId = await single.setRecognitionSettings({});
    expect((await single.event({ type: "app_uninstalled" })).status).toBe(200);
    await single.slack.waitFor(async () => (await single.spur.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).deactivatedAt);
  });
});
