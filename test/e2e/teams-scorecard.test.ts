import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, GENERAL, installationUpdate, message, TEAMS_ROSTER, TEAMS_USERS, TENANT_ID } from "../support/teams-activities.ts";

const { ana, bo, carl } = TEAMS_USERS;
let h: Harness;
let connector: FakeBotConnector;
// Wednesday of ISO week 2026-W47 (16–22 Nov) in UTC, the default team time zone.
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string, scope: "channel" | "personal" = "channel") {
  const activity = message(from, parts, { serviceUrl: connector.url, scope });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  expect(textOf(reply)).toContain(expectText);
  return reply;
}

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true, clock });
  await h.teams(botAddedToTeam(connector.url));
  // Last week: bo → ana 2 points. This week: carl → ana 3, ana → bo 1.
  clock.set("2026-11-11T10:00:00Z");
  await say(bo, ["kudos ", ana, " 2 took my escalations"], "Kudos sent");
  clock.set("2026-11-17T10:00:00Z");
  await say(carl, ["kudos ", ana, " 3 calmed an angry customer"], "Kudos sent");
  await say(ana, ["kudos ", bo, " wrote the refund macro"], "Kudos sent");
  clock.set("2026-11-18T12:00:00Z");
  const member = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: ana.id } });
  await h.spur.db.kpiRecord.createMany({
    data: [
      { memberId: member.id, metric: "csat", periodDate: new Date("2026-11-17"), value: 92.5, source: "zendesk" },
      { memberId: member.id, metric: "csat", periodDate: new Date("2026-11-13"), value: 70, source: "zendesk" },
    ],
  });
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

describe("Teams: scorecard", () => {
  it("is refused in a channel, where everyone would see it", async () => {
    // Carl has only given kudos, so he has no personal chat with Spur: he is told where to ask.
    await say(carl, ["scorecard"], "Scorecards are private: send me");
    // Ana has one (Spur opened it to tell her about her kudos): her scorecard goes there, never to the channel.
    await say(ana, ["scorecard"], "Scorecards are private, so I sent it to our personal chat.");
  });

  it("remembers a personal installation under the team the person works in", async () => {
    const res = await h.teams(installationUpdate("add", connector.url, "personal", ana));
    expect(res.status).toBe(200);
    const team = await h.spur.db.workspace.findFirstOrThrow({ where: { externalId: `${TENANT_ID}:${GENERAL}` } });
    const personal = await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: `a:personal-${ana.id}` } });
    expect(personal.workspaceId).toBe(team.id);
    expect(personal.conversationId).toBe(`a:personal-${ana.id}`);
    await connector.waitFor(() => connector.sentTo(`a:personal-${ana.id}`).find((s) => textOf(s).includes("Hi, I'm Spur")));
  });

  it("asked for in a channel, sends the scorecard to the person's personal chat instead", async () => {
    const since = connector.sent.length;
    await say(ana, ["scorecard"], "so I sent it to our personal chat");
    const card = await connector.waitFor(() =>
      connector.sent.slice(since).find((s) => s.conversationId === `a:personal-${ana.id}` && textOf(s).includes("Your scorecard")),
    );
    expect(card.replyToId).toBeUndefined();
    expect(connector.sent.slice(since).filter((s) => s.conversationId.startsWith(GENERAL) && textOf(s).includes("Your scorecard"))).toHaveLength(0);
  });

  it("shows your own scorecard in a personal chat: this week against last week, and this week's KPIs", async () => {
    const reply = await say(ana, ["scorecard"], "Your scorecard", "personal");
    const body = textOf(reply);
    expect(body).toContain("2026-W47");
    expect(body).toContain("1 kudos, 3 points (▲ from 2)");
    expect(body).toContain("1 kudos, 1 point (▲ from 0)");
    expect(body).toContain("• `csat` 2026-11-17: **92.50** _(zendesk)_");
    expect(body).not.toContain("**70** _(zendesk)_");
  });

  it("refuses an agent looking at a colleague's scorecard, naming them", async () => {
    await say(bo, ["scorecard ", ana], "Scorecards are private: you can see your own", "personal");
    await say(bo, ["scorecard ", ana], "Ask Ana Alves or their lead", "personal");
  });

  it("lets a lead of the same team see a member's scorecard", async () => {
    await h.spur.services.memberRepo.setRole((await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: carl.id } })).id, "lead");
    // The member directory caches members briefly; a role change made elsewhere shows after the cache expires.
    clock.advance(61_000);
    const reply = await say(carl, ["scorecard ", ana], "Scorecard for Ana Alves", "personal");
    expect(textOf(reply)).toContain("3 points");
  });

  it("explains a malformed argument", async () => {
    await say(ana, ["scorecard everyone"], 'I didn\'t understand \\"everyone\\"', "personal");
  });

  it("marks the conversation inactive when the app is uninstalled", async () => {
    await h.teams(installationUpdate("remove", connector.url, "personal", ana));
    const personal = await h.spur.db.teamsConversation.findFirstOrThrow({ where: { conversationId: `a:personal-${ana.id}` } });
    expect(personal.active).toBe(false);
  });
});
