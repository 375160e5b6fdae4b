// Teams counterpart of slack-kudos-history: leaderboards in the team's time zone, and kudos history with its
// privacy rules, through messages to the bot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { textOf } from "../support/fake-bot-connector.ts";
import { type Harness } from "../support/spur-harness.ts";
import { TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, executeActions, type Say, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let h: Harness;
let say: Say;
let teams: TeamsSetup;
let chat: TeamsChat;
let workspaceId: string;
// Sunday 22 Nov 2026, 23:30 in Los Angeles (PST, UTC-8): already Monday in UTC.
const clock = new TestClock(new Date("2026-11-23T07:30:00Z"));
const settings = (patch: Parameters<Harness["setRecognitionSettings"]>[0]) => h.setRecognitionSettings(patch, workspaceId);
const text = async (...args: Parameters<Say>) => textOf(await say(...args));

beforeAll(async () => {
  teams = await startTeams({ clock });
  ({ h } = teams);
  chat = teams.chat;
  say = chat.say;
  workspaceId = (await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } })).id;
  await settings({ allowancePoints: 50, companyValues: ["ownership", "craft"] });
});
afterAll(async () => {
  await teams?.stop();
});

describe("Teams: leaderboard", () => {
  beforeAll(async () => {
    // Carl owns the team (the roster says so), so he is a Spur admin.
    await say(carl, ["admin timezone America/Los_Angeles"], "America/Los_Angeles");
    await say(carl, ["kudos ", ana, " 3 closed the week strong #craft"], "Kudos sent");
    clock.set("2026-11-23T08:30:00Z"); // Monday 00:30 in Los Angeles: a new week
    await say(carl, ["kudos ", bo, " 2 first ticket of the week #ownership"], "Kudos sent");
    await say(dee, ["kudos ", bo, " 1 early bird #ownership"], "Kudos sent");
  });

  it("counts this week in the team's time zone: Sunday night's kudos belong to last week", async () => {
    const board = await text(ana, ["leaderboard"], "Most recognised");
    expect(board).toContain("week 2026-W48");
    expect(board).toContain('🥇 Bo Berg — 3 points (2 kudos)');
    expect(board).not.toContain("Ana Alves");
    expect(board).toContain("You are not on this board yet");
  });

  it("shows the month with ties sharing a rank, and the caller's own rank", async () => {
    const board = await text(ana, ["leaderboard month"], "November 2026");
    expect(board).toContain('🥇 Ana Alves — 3 points (1 kudos)');
    expect(board).toContain('🥇 Bo Berg — 3 points (2 kudos)');
    expect(board).toContain("You are #1 with 3 points");
  });

  it("ranks givers, filters by value, and covers all time or a quarter", async () => {
    const given = await text(dee, ["leaderboard all given"], "Most generous");
    expect(given).toContain('🥇 Carl Cruz — 5 points (2 kudos)');
    expect(given).toContain("You are #2 with 1 point");
    const craft = await text(dee, ["leaderboard quarter #craft"], "Q4 2026");
    expect(craft).toContain("Most recognised #craft");
    expect(craft).toContain("Ana Alves");
    expect(craft).not.toContain("Bo Berg");
    await say(dee, ["leaderboard yesterday"], "I didn't understand");
  });

  it("can be hidden from agents by leads", async () => {
    await settings({ leaderboardVisibility: "leads" });
    await say(ana, ["leaderboard"], "keep the leaderboard private");
    await say(carl, ["leaderboard"], "Most recognised");
    await settings({ leaderboardVisibility: "everyone" });
  });

  it("speaks the workspace's language", async () => {
    await h.spur.services.workspaces.setLocale(workspaceId, "zh-CN");
    try {
      const board = await text(dee, ["leaderboard quarter given"], "最慷慨榜");
      expect(board).toContain("你排第 2 名");
      await say(dee, ["leaderboard yesterday"], "我没看懂“yesterday”");
    } finally {
      await h.spur.services.workspaces.setLocale(workspaceId, "en");
    }
  });
});

describe("Teams: kudos history", () => {
  beforeAll(async () => {
    // Ana now has 1 received; add 6 more given and received, a minute apart.
    const others = [bo, carl, dee];
    for (let i = 0; i < 6; i++) {
      clock.advance(60_000);
      const other = others[i % 3]!;
      if (i % 2 === 0) await say(ana, ["kudos ", other, ` 1 history item ${i}`], "Kudos sent");
      else await say(other, ["kudos ", ana, ` 1 history item ${i}`], "Kudos sent");
    }
  });

  it("shows your newest kudos, given and received, with their ids", async () => {
    const history = await text(ana, ["kudos history"], "Your kudos — 1–5 of 7");
    expect(history).toContain("history item 5");
    expect(history).toContain("← Dee Diaz");
    expect(history).toContain("→ Carl Cruz");
    expect(history).not.toContain("closed the week strong");
    const newest = await h.spur.db.kudos.findFirstOrThrow({ where: { reason: "history item 5" } });
    expect(history).toContain(newest.giftId.slice(0, 8));
  });

  it("pages through older and newer kudos with the card's buttons", async () => {
    const first = await say(ana, ["kudos history"], "Your kudos — 1–5 of 7");
    expect(executeActions(cardOf(first))).toEqual([{ title: "Older", verb: "kudos.history.page", data: { u: ana.id, o: 5 } }]);
    const older = await chat.click(ana, "kudos.history.page", { u: ana.id, o: 5 });
    expect(older.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(older.text).toContain("Your kudos — 6–7 of 7");
    expect(older.text).toContain("closed the week strong");
    expect(older.text).not.toContain("history item 5");
    expect(executeActions(older.value)).toEqual([{ title: "Newer", verb: "kudos.history.page", data: { u: ana.id, o: 0 } }]);
    const newer = await chat.click(ana, "kudos.history.page", { u: ana.id, o: 0 });
    expect(newer.text).toContain("Your kudos — 1–5 of 7");
    expect(newer.text).toContain("history item 5");
  });

  it("checks privacy again on every page click, and refuses a forged button", async () => {
    const refused = await chat.click(bo, "kudos.history.page", { u: ana.id, o: 5 });
    expect(refused.type).toBe("application/vnd.microsoft.activity.message");
    expect(refused.text).toContain("Kudos history is private");
    expect(refused.text).not.toContain("closed the week strong");
    const admin = await chat.click(carl, "kudos.history.page", { u: ana.id, o: 5 });
    expect(admin.text).toContain("Kudos of Ana Alves — 6–7 of 7");
    const forged = await chat.click(ana, "kudos.history.page", { u: ana.id, o: -5 });
    expect(forged.text).toContain("Spur couldn't read that card");
  });

  it("is private: an agent can't read a colleague's history, an admin can", async () => {
    await say(bo, ["kudos history ", ana], "Kudos history is private");
    await say(carl, ["kudos history ", ana], "Kudos of Ana Alves — 1–5 of 7");
  });
});
