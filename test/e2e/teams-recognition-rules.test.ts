// Teams counterpart of slack-recognition-rules: the allowance in the team's time zone, the cool-down, the
// points cap and company values, through `kudos …` messages to the bot.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { type FakeBotConnector, textOf } from "../support/fake-bot-connector.ts";
import { type Harness } from "../support/spur-harness.ts";
import { message, TEAMS_USERS } from "../support/teams-activities.ts";
import { type Say, startTeams, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let h: Harness;
let connector: FakeBotConnector;
let say: Say;
let teams: TeamsSetup;
let workspaceId: string;
// Thursday 19 Nov 2026, 23:50 in Auckland (NZDT, UTC+13): ten minutes before the allowance resets.
const clock = new TestClock(new Date("2026-11-19T10:50:00Z"));

beforeAll(async () => {
  teams = await startTeams({ clock });
  ({ h, connector } = teams);
  say = teams.chat.say;
  workspaceId = (await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } })).id;
});
afterAll(async () => {
  await teams?.stop();
});

const liveKudos = () => h.spur.db.kudos.count({ where: { revokedAt: null } });
const settings = (patch: Parameters<Harness["setRecognitionSettings"]>[0]) => h.setRecognitionSettings(patch, workspaceId);

describe("Teams: the giving allowance, in the giver's team time zone", () => {
  beforeAll(async () => {
    // Carl owns the team (the roster says so), so he is a Spur admin.
    await say(carl, ["admin timezone Pacific/Auckland"], "Pacific/Auckland");
  });

  it("refuses a gift that would exceed it, saying what is left and when it resets in local time", async () => {
    const confirmation = await say(ana, ["kudos ", bo, " 3 took my 11pm escalation"], "Kudos sent");
    expect(textOf(confirmation)).toContain("You have 2 points left to give today.");
    await say(ana, ["kudos ", carl, " 1 covered chat"], "Kudos sent");
    const refusal = textOf(await say(ana, ["kudos ", dee, " 2 late night help"], "you have 1 of your 5 points left today"));
    expect(refusal).toContain("resets at 00:00 Fri 20 Nov (Pacific/Auckland time)");
    const many = textOf(await say(ana, ["kudos ", dee, " ", bo, " 1 both helped"], "That gift costs 2 points"));
    expect(many).toContain("1 of your 5 points left");
    expect(await liveKudos()).toBe(2);
  });

  it("kudos balance shows the remaining allowance and the local reset", async () => {
    const balance = textOf(await say(ana, ["kudos balance"], "You can still give 1 point today (4 of 5 used)"));
    expect(balance).toContain("00:00 Fri 20 Nov (Pacific/Auckland time)");
  });

  it("is fresh again right after local midnight (still Thursday in UTC)", async () => {
    clock.set("2026-11-19T11:05:00Z"); // 00:05 Friday in Auckland
    await say(ana, ["kudos balance"], "You can still give 5 points today (0 of 5 used)");
    await say(ana, ["kudos ", dee, " 5 opened the morning queue"], "Kudos sent");
    await say(ana, ["kudos ", bo, " 1 one more"], "you have 0 of your 5 points left today");
  });

  it("a weekly allowance resets at local Monday midnight", async () => {
    await settings({ allowancePeriod: "week", allowancePoints: 10 });
    const refusal = textOf(await say(ana, ["kudos ", bo, " 5 weekly"], "you have 1 of your 10 points left this week"));
    expect(refusal).toContain("00:00 Mon 23 Nov (Pacific/Auckland time)");
    await settings({ allowancePeriod: "day", allowancePoints: 5 });
  });

  it("cannot be overspent by concurrent gifts", async () => {
    clock.set("2026-11-21T01:00:00Z");
    const before = await liveKudos();
    const activities = Array.from({ length: 8 }, (_, i) => message(dee, ["kudos ", i % 2 ? bo : carl, ` 1 parallel thanks ${i}`], { serviceUrl: connector.url }));
    const since = connector.sent.length;
    await Promise.all(activities.map((a) => h.teams(a)));
    const ids = new Set(activities.map((a) => a.id));
    await connector.waitFor(() => connector.sent.slice(since).filter((s) => s.replyToId && ids.has(s.replyToId)).length >= 8);
    const replies = connector.sent.slice(since).filter((s) => s.replyToId && ids.has(s.replyToId)).map(textOf);
    expect(replies.filter((r) => r.includes("Kudos sent"))).toHaveLength(5);
    expect(replies.filter((r) => r.includes("points left today"))).toHaveLength(3);
    const given = await h.spur.db.kudos.aggregate({
      where: { giver: { platformUserId: dee.id }, createdAt: { gte: new Date("2026-11-20T11:00:00Z") }, revokedAt: null },
      _sum: { points: true },
    });
    expect(given._sum.points).toBe(5);
    expect((await liveKudos()) - before).toBe(5);
  });
});

describe("Teams: other fairness rules", () => {
  it("enforces the cool-down between the same giver and recipient", async () => {
    clock.set("2026-11-22T01:00:00Z");
    await settings({ cooldownMinutes: 60 });
    await say(bo, ["kudos ", carl, " 1 first thanks"], "Kudos sent");
    const refusal = textOf(await say(bo, ["kudos ", carl, " 1 second thanks"], "You recognised Carl Cruz recently"));
    expect(refusal).toContain("after 15:00 Sun 22 Nov (Pacific/Auckland time)");
    await say(bo, ["kudos ", dee, " 1 someone else is fine"], "Kudos sent");
    clock.advance(61 * 60_000);
    await say(bo, ["kudos ", carl, " 1 second thanks"], "Kudos sent");
    await settings({ cooldownMinutes: 0 });
  });

  it("caps the points of a single gift", async () => {
    await settings({ maxPointsPerGift: 2 });
    await say(carl, ["kudos ", ana, " 3 too generous"], "from 1 to 2");
    await settings({ maxPointsPerGift: 5 });
  });

  it("suggests the closest company value for an unknown tag, and can require one", async () => {
    await settings({ companyValues: ["ownership", "empathy", "craft"] });
    await say(carl, ["kudos ", ana, " listened well #empathie"], "#empathie isn't one of our company values. Did you mean #empathy?");
    await say(carl, ["kudos ", ana, " listened well #zzzzzzzz"], "Our values are #ownership, #empathy, #craft");
    await settings({ valueRequired: true });
    await say(carl, ["kudos ", ana, " listened well"], "Please tag a company value");
    await say(carl, ["kudos ", ana, " listened well #Empathy"], "Kudos sent");
  });

  it("refuses self-kudos and kudos to bots", async () => {
    await say(carl, ["kudos ", carl, " me #craft"], "You can't give kudos to yourself");
    await say(carl, ["kudos ", { id: "28:helpbot", name: "HelpBot" }, " beep #craft"], "is a bot");
  });
});
