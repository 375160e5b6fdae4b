// The roster on Teams: the daily sync pages through the team's roster, people added to the team
// (conversationUpdate membersAdded) are stored at once, and people removed leave prompts, kudos and rankings
// with their history kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { BOT, botAddedToTeam, GENERAL, message, TEAM, TEAMS_ROSTER, TEAMS_USERS, TENANT_ID } from "../support/teams-activities.ts";

const { ana, carl, dee } = TEAMS_USERS;
const eve: RosterMember = { id: "29:eve", name: "Eve Eriksen", aadObjectId: "aad-eve", email: "eve@contoso.com", userPrincipalName: "eve@contoso.com" };
const WORKSPACE = `${TENANT_ID}:${GENERAL}`;
let h: Harness;
let connector: FakeBotConnector;

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true });
  expect((await h.teams(botAddedToTeam(connector.url))).status).toBe(200);
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

function membershipUpdate(change: "membersAdded" | "membersRemoved", who: RosterMember) {
  return {
    type: "conversationUpdate",
    id: `cu-${change}-${who.id}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: connector.url,
    from: { id: carl.id, name: carl.name },
    recipient: BOT,
    [change]: [{ id: who.id, aadObjectId: who.aadObjectId }],
    conversation: { id: GENERAL, conversationType: "channel", tenantId: TENANT_ID, isGroup: true },
    channelData: { tenant: { id: TENANT_ID }, team: TEAM, eventType: change === "membersAdded" ? "teamMemberAdded" : "teamMemberRemoved" },
  };
}

async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string) {
  const activity = message(from, parts, { serviceUrl: connector.url });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  expect(textOf(reply)).toContain(expectText);
}

describe("Teams roster", () => {
  it("reads the whole team's roster page by page in the daily sync", async () => {
    const pagesBefore = connector.rosterPages.length;
    await h.spur.services.jobs.syncRoster({ platform: "teams", externalId: WORKSPACE });
    await connector.waitFor(async () => (await h.spur.db.rosterSync.count({ where: { status: "done" } })) === 1, 15_000);
    // Four people, two a page.
    expect(connector.rosterPages.slice(pagesBefore).map((p) => p.continuationToken)).toEqual([null, "2"]);
    const members = await h.spur.db.member.findMany({ orderBy: { platformUserId: "asc" } });
    expect(members.map((m) => [m.platformUserId, m.displayName, m.email])).toEqual(
      TEAMS_ROSTER.map((p) => [p.id, p.name, p.email]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // Their Entra ID identities are kept too (KPI ingestion maps agents by them).
    expect((await h.spur.db.teamsUser.findMany({ orderBy: { platformUserId: "asc" } })).map((u) => [u.platformUserId, u.aadObjectId])).toEqual(
      TEAMS_ROSTER.map((p) => [p.id, p.aadObjectId]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // The owner stays an admin: a refresh never changes a known member's role.
    expect(members.find((m) => m.platformUserId === carl.id)?.role).toBe("admin");
  });

  it("stores someone added to the team at once, from the roster", async () => {
    connector.roster.set(eve.id, eve);
    expect((await h.teams(membershipUpdate("membersAdded", eve))).status).toBe(200);
    expect(await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: eve.id } })).toMatchObject({
      displayName: "Eve Eriksen",
      email: "eve@contoso.com",
      isDeactivated: false,
    });
    expect((await h.spur.db.teamsUser.findFirstOrThrow({ where: { platformUserId: eve.id } })).aadObjectId).toBe("aad-eve");
    await say(ana, ["kudos ", eve, " 1 welcome to the team"], "Kudos sent");
  });

  it("marks someone removed from the team as departed: no kudos, no prompts, no leaderboard place, history kept", async () => {
    await say(ana, ["kudos ", dee, " 2 closed the outage ticket"], "Kudos sent");
    await say(carl, ["leaderboard"], "Dee Diaz");
    expect((await h.teams(membershipUpdate("membersRemoved", dee))).status).toBe(200);
    const gone = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: dee.id } });
    expect(gone.isDeactivated).toBe(true);
    await say(ana, ["kudos ", dee, " 1 one more"], "deactivated");
    const since = connector.sent.length;
    await say(carl, ["leaderboard"], "Most recognised");
    expect(connector.sent.slice(since).map(textOf).join("\n")).not.toContain("Dee Diaz");
    expect((await h.spur.services.prompts.recipients(gone.teamId!)).map((m) => m.id)).not.toContain(gone.id);
    expect(await h.spur.db.kudos.count({ where: { recipientId: gone.id } })).toBe(1);
  });
});
