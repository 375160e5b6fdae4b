// `admin export` and `admin forget` in Teams: the same core as Slack's /spur export and /spur forget.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { FakeBotConnector, type RosterMember, type SentActivity, textOf } from "../support/fake-bot-connector.ts";
import { findEverywhere } from "../support/personal-data-scan.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, message, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";

const { ana, bo, carl } = TEAMS_USERS;
let h: Harness;
let connector: FakeBotConnector;
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
const ANA_GAVE = "Ana rewrote the Teams onboarding checklist";
const BO_GAVE = "Bo thanks Ana for the calm weekend cover";

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true, clock });
  expect((await h.teams(botAddedToTeam(connector.url))).status).toBe(200);
  // Carl owns the team (the roster says so), so he is a Spur admin.
  await say(ana, ["kudos ", bo, ` 2 ${ANA_GAVE}`], "Kudos sent");
  await say(bo, ["kudos ", ana, ` 1 ${BO_GAVE}`], "Kudos sent");
  await say(ana, ["help"], "kudos", "personal");
  await say(carl, ["help"], "kudos", "personal");
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string, scope: "channel" | "personal" = "channel"): Promise<SentActivity> {
  const activity = message(from, parts, { serviceUrl: connector.url, scope });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  expect(textOf(reply)).toContain(expectText);
  return reply;
}

describe("Teams: admin export", () => {
  it("is refused to non-admins and in channels", async () => {
    await say(ana, ["admin export 2026-11"], "Only Spur admins can export", "personal");
    await say(carl, ["admin export 2026-11"], "in a personal chat");
  });

  it("sends the files as attachments in the admin's personal chat", async () => {
    const since = connector.sent.length;
    await say(carl, ["admin export 2026-11 csv"], "Preparing the CSV export", "personal");
    const delivered = await connector.waitFor(
      () => connector.sent.slice(since).find((s) => Array.isArray(s.activity.attachments) && String(s.activity.text).includes("Spur export")),
      15_000,
    );
    expect(delivered.conversationId).toBe(`a:personal-${carl.id}`);
    const attachments = delivered.activity.attachments as { name: string; contentType: string; contentUrl: string }[];
    expect(attachments.map((a) => a.name)).toEqual(["spur-export-2026-11-kudos.csv", "spur-export-2026-11-kpis.csv", "spur-export-2026-11-feedback.csv"]);
    const kudos = Buffer.from(attachments[0]?.contentUrl.replace("data:text/csv;base64,", "") ?? "", "base64").toString("utf8");
    expect(kudos.split("\r\n")[0]).toBe("kudos_id,gift_id,given_at,giver,giver_id,recipient,recipient_id,team,points,values,reason,source,revoked");
    expect(kudos).toContain(`,Ana Alves,${ana.id},Bo Berg,${bo.id},`);
    expect(kudos).toContain(`,2,,${ANA_GAVE},slash_command,false`);
    expect(await h.spur.db.auditLogEntry.count({ where: { action: "data.export", actorUserId: carl.id } })).toBe(1);
  });
});

describe("Teams: admin forget", () => {
  const needles = [ana.id, ana.name, ana.email, ana.aadObjectId, ANA_GAVE, BO_GAVE];

  it("is refused to non-admins", async () => {
    await say(ana, ["admin forget ", bo, " confirm"], "Only Spur admins can erase");
    expect(await h.spur.db.member.count({ where: { displayName: bo.name } })).toBe(1);
  });

  it("asks for `confirm`, then erases the member everywhere (roster identity and chats included)", async () => {
    const before = await findEverywhere(h.db.url, needles);
    expect(needles.filter((n) => !before.some((f) => f.needle === n))).toEqual([]);
    expect(before.some((f) => f.table === "teams_user")).toBe(true);
    expect(before.some((f) => f.table === "teams_conversation")).toBe(true);
    const points = () => h.spur.db.kudos.aggregate({ _sum: { points: true }, _count: true });
    const totals = await points();
    const personalChats = () => h.spur.db.teamsConversation.count({ where: { conversationType: "personal" } });
    const [[{ anas }], chatsBefore] = await Promise.all([
      h.spur.db.$queryRaw<[{ anas: number }]>`SELECT count(*)::int AS anas FROM teams_conversation WHERE conversation_type = 'personal' AND reference::text LIKE ${`%${ana.id}%`}`,
      personalChats(),
    ]);
    expect(anas).toBeGreaterThan(0);

    await say(carl, ["admin forget ", ana], `admin forget @Ana Alves confirm`);
    expect(await findEverywhere(h.db.url, [ana.aadObjectId])).not.toEqual([]);
    await say(carl, ["admin forget ", ana, " confirm"], "personal data was erased");

    expect(await findEverywhere(h.db.url, needles)).toEqual([]);
    expect(await points()).toEqual(totals);
    // Ana's personal chats are gone; everyone else's stay.
    expect(await personalChats()).toBe(chatsBefore - anas);
    expect(await h.spur.db.auditLogEntry.count({ where: { action: "member.forget", actorUserId: carl.id } })).toBe(1);
  });
});

describe("Teams: data rights in Chinese", () => {
  it("answers a zh-CN workspace in Chinese", async () => {
    await say(carl, ["admin locale zh-CN"], "Simplified Chinese");
    await say(carl, ["admin export 2026-11"], "请在与我的私聊中发送 `admin export`");
    await say(carl, ["admin export 2026-13"], "这里无法识别 `2026-13`", "personal");
    await say(carl, ["admin forget ", carl], "你不能删除自己的数据");
    await say(carl, ["admin locale en"], "英语");
  });
});
