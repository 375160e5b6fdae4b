// Whom Spur trusts on Teams: activities from Teams only (the emulator only in explicit development), from the
// allowed tenants when a list is set; admins are the team's owners or named in SPUR_BOOTSTRAP_ADMINS, never
// whoever happened to install Spur first. Real Bot Framework activities against the real endpoint.
import { afterEach, describe, expect, it } from "vitest";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, cardAction, GENERAL, installationUpdate, message, TEAMS_USERS } from "../support/teams-activities.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
/** The same people, with nobody the roster calls an owner (Teams often does not say). */
const NOBODY_OWNS = [ana, bo, { ...carl, userRole: "user" }, dee];

let h: Harness | undefined;
let connector: FakeBotConnector | undefined;
afterEach(async () => {
  await h?.stop();
  await connector?.stop();
  h = connector = undefined;
});

async function start(roster: RosterMember[], env: Record<string, string> = {}) {
  connector = await new FakeBotConnector(roster).start();
  h = await startHarness({ teams: true, env });
  return { h, connector };
}

async function say(from: RosterMember, text: string, scope: "channel" | "personal" = "channel"): Promise<string> {
  const activity = message(from, [text], { serviceUrl: connector!.url, scope });
  const since = connector!.sent.length;
  expect((await h!.teams(activity)).status).toBe(200);
  return textOf(await connector!.waitFor(() => connector!.sent.slice(since).find((s) => s.replyToId === activity.id)));
}

async function roleOf(person: RosterMember): Promise<string | undefined> {
  return (await h!.spur.db.member.findFirst({ where: { platformUserId: person.id } }))?.role;
}

describe("Teams: which activities Spur serves", () => {
  it("refuses an admin command sent over Direct Line (403) and changes nothing", async () => {
    await start([ana, bo, carl, dee]);
    expect((await h!.teams(botAddedToTeam(connector!.url))).status).toBe(200);
    const forged = { ...message(carl, ["admin timezone Europe/Berlin"], { serviceUrl: connector!.url }), channelId: "directline" };
    const res = await h!.teams(forged);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: "channel_not_allowed" });
    expect((await h!.teams({ ...forged, channelId: undefined })).status).toBe(403);
    const team = await h!.spur.db.team.findFirstOrThrow({ where: { channelId: GENERAL } });
    expect(team.timeZone).toBe("UTC");
    // The same command from Teams itself is served.
    expect(await say(carl, "admin timezone Europe/Berlin")).toContain("now runs on Europe/Berlin time");
  });

  it("answers 400, not 500, to an activity whose envelope has the wrong types (found by the HTTP fuzz)", async () => {
    await start([ana, bo, carl, dee]);
    const good = message(carl, ["help"], { serviceUrl: connector!.url });
    for (const bad of [
      { ...good, conversation: { ...good.conversation, conversationType: true } },
      { ...good, type: {} },
      { ...good, from: null },
      { ...good, serviceUrl: "file:///etc/passwd" },
    ]) {
      const res = await h!.teams(bad);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: "invalid_activity" });
    }
    expect(connector!.sent).toHaveLength(0);
  });

  it("answers 400, not 501, to an invoke Spur does not handle (found by the HTTP fuzz)", async () => {
    await start([ana, bo, carl, dee]);
    const click = cardAction(carl, "x", {}, { serviceUrl: connector!.url });
    const res = await h!.teams({ ...click, name: "task/fetch" });
    expect(res.status).toBe(400);
    // A card action botbuilder itself refuses with 501 (not Action.Execute; a value that is not an action).
    for (const value of [{ action: { type: "Action.Submit", data: {} }, trigger: "manual" }, "", { trigger: "manual" }]) {
      const refused = await h!.teams({ ...click, value });
      expect(refused.status).toBe(400);
    }
  });

  it("refuses tenants outside TEAMS_ALLOWED_TENANTS with 403", async () => {
    await start([ana, bo, carl, dee], { TEAMS_ALLOWED_TENANTS: "tenant-other, tenant-2" });
    const res = await h!.teams(botAddedToTeam(connector!.url));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ error: "tenant_not_allowed" });
    expect(await h!.spur.db.workspace.count({ where: { platform: "teams" } })).toBe(0);
    expect(connector!.sent).toHaveLength(0);
  });

  it("serves the tenants TEAMS_ALLOWED_TENANTS lists", async () => {
    await start([ana, bo, carl, dee], { TEAMS_ALLOWED_TENANTS: "tenant-2,tenant-1" });
    expect((await h!.teams(botAddedToTeam(connector!.url))).status).toBe(200);
    expect(await say(ana, "kudos balance")).toContain("You can still give");
  });
});

describe("Teams: who administers a team in Spur", () => {
  it("does not make the member who adds Spur to a team an admin", async () => {
    await start(NOBODY_OWNS);
    expect((await h!.teams(botAddedToTeam(connector!.url, dee))).status).toBe(200);
    expect(await roleOf(dee)).not.toBe("admin");
    expect(await say(dee, "admin timezone Europe/Berlin")).toContain("Only Spur admins can change settings");
  });

  it("does not make the first member to install the personal app an admin of the team's workspace", async () => {
    await start(NOBODY_OWNS);
    expect((await h!.teams(botAddedToTeam(connector!.url, dee))).status).toBe(200);
    // The team has no admin (nobody owns it as far as Teams says, or its admin left); Bo is known in the team.
    await h!.spur.db.member.updateMany({ where: { role: "admin" }, data: { role: "agent" } });
    await say(bo, "kudos balance");
    expect((await h!.teams(installationUpdate("add", connector!.url, "personal", bo))).status).toBe(200);
    expect(await roleOf(bo)).toBe("agent");
    expect(await say(bo, "admin timezone Europe/Berlin", "personal")).toContain("Only Spur admins can change settings");
  });

  it("takes admins from the team's owners when the roster says who they are", async () => {
    await start([ana, bo, carl, dee]);
    // Dee adds Spur; Carl owns the team and is an admin as soon as Spur meets him.
    expect((await h!.teams(botAddedToTeam(connector!.url, dee))).status).toBe(200);
    expect(await roleOf(dee)).not.toBe("admin");
    expect(await say(carl, "admin timezone Europe/Berlin")).toContain("now runs on Europe/Berlin time");
    expect(await roleOf(carl)).toBe("admin");
  });

  it("makes the people SPUR_BOOTSTRAP_ADMINS names admins: at install, and when a known member writes", async () => {
    await start(NOBODY_OWNS, { SPUR_BOOTSTRAP_ADMINS: `${dee.aadObjectId}, Ana@Contoso.com` });
    await h!.teams(installationUpdate("add", connector!.url, "channel", bo));
    expect(await say(ana, "kudos balance")).toContain("You can still give");
    expect(await say(bo, "kudos balance")).toContain("You can still give");
    // Dee, by Entra object id, installs Spur in the team and is its admin.
    expect((await h!.teams(botAddedToTeam(connector!.url, dee))).status).toBe(200);
    expect(await roleOf(dee)).toBe("admin");
    // Ana (by sign-in name) is an admin the next time she writes to Spur; Bo is not.
    expect(await say(ana, "admin timezone Europe/Berlin")).toContain("now runs on Europe/Berlin time");
    expect(await say(bo, "admin timezone Europe/Paris")).toContain("Only Spur admins can change settings");
    expect(await roleOf(bo)).toBe("agent");
  });
});
