import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { syncRoster } from "../support/roster.ts";
import { commandReplies } from "../support/ack-replies.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Thursday 19 Nov 2026, 23:50 in Auckland (NZDT, UTC+13): ten minutes before the allowance resets.
const clock = new TestClock(new Date("2026-11-19T10:50:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
  // Known from the workspace's roster, as after an install: the bot is refused as one.
  await syncRoster(h);
});
afterAll(async () => {
  await h?.stop();
});

async function say(user: string, command: string, text: string, expectText: string) {
  const since = h.commands.length;
  const res = await h.command(command, text, { user });
  expect(res.status).toBe(200);
  const call = await h.slack.waitFor(() => commandReplies(h, since).find((c) => c.args.user === user));
  expect(String(call.args.text)).toContain(expectText);
  return String(call.args.text);
}

const liveKudos = () => h.spur.db.kudos.count({ where: { revokedAt: null } });

describe("the giving allowance, in the giver's team time zone", () => {
  beforeAll(async () => {
    await say(USERS.admin.id, "/spur", "timezone Pacific/Auckland", "Pacific/Auckland");
  });

  it("refuses a gift that would exceed it, saying what is left and when it resets in local time", async () => {
    await say(USERS.ana.id, "/kudos", `${esc(USERS.bo)} 3 took my 11pm escalation`, "Kudos sent");
    const confirmation = commandReplies(h).filter((c) => c.args.user === USERS.ana.id).at(-1);
    expect(JSON.stringify(confirmation?.args.blocks)).toContain("You have 2 points left to give today.");
    await say(USERS.ana.id, "/kudos", `${esc(USERS.carl)} 1 covered chat`, "Kudos sent");
    const refusal = await say(USERS.ana.id, "/kudos", `${esc(USERS.dee)} 2 late night help`, "you have 1 of your 5 points left today");
    expect(refusal).toContain("resets at 00:00 Fri 20 Nov (Pacific/Auckland time)");
    const many = await say(USERS.ana.id, "/kudos", `${esc(USERS.dee)} ${esc(USERS.bo)} 1 both helped`, "That gift costs 2 points");
    expect(many).toContain("1 of your 5 points left");
    expect(await liveKudos()).toBe(2);
  });

  it("/kudos balance shows the remaining allowance and the local reset", async () => {
    const balance = await say(USERS.ana.id, "/kudos", "balance", "You can still give *1 point* today");
    expect(balance).toContain("(4 of 5 used)");
    expect(balance).toContain("00:00 Fri 20 Nov (Pacific/Auckland time)");
  });

  it("is fresh again right after local midnight (still Thursday in UTC)", async () => {
    clock.set("2026-11-19T11:05:00Z"); // 00:05 Friday in Auckland
    await say(USERS.ana.id, "/kudos", "balance", "You can still give *5 points* today");
    await say(USERS.ana.id, "/kudos", `${esc(USERS.dee)} 5 opened the morning queue`, "Kudos sent");
    await say(USERS.ana.id, "/kudos", `${esc(USERS.bo)} 1 one more`, "you have 0 of your 5 points left today");
  });

  it("a weekly allowance resets at local Monday midnight", async () => {
    await h.setRecognitionSettings({ allowancePeriod: "week", allowancePoints: 10 });
    const refusal = await say(USERS.ana.id, "/kudos", `${esc(USERS.bo)} 5 weekly`, "you have 1 of your 10 points left this week");
    expect(refusal).toContain("00:00 Mon 23 Nov (Pacific/Auckland time)");
    await h.setRecognitionSettings({ allowancePeriod: "day", allowancePoints: 5 });
  });

  it("cannot be overspent by concurrent gifts", async () => {
    clock.set("2026-11-21T01:00:00Z");
    const before = await liveKudos();
    const texts = Array.from({ length: 8 }, (_, i) => `${esc(i % 2 ? USERS.bo : USERS.carl)} 1 parallel thanks ${i}`);
    await Promise.all(texts.map((t, i) => h.command("/kudos", t, { user: USERS.dee.id, triggerId: `race-${i}` })));
    await h.slack.waitFor(() =>
      commandReplies(h).filter((c) => c.args.user === USERS.dee.id && /parallel|Kudos sent|points left/.test(String(c.args.text))).length >= 8,
    );
    const given = await h.spur.db.kudos.aggregate({ where: { giver: { platformUserId: USERS.dee.id }, createdAt: { gte: new Date("2026-11-20T11:00:00Z") }, revokedAt: null }, _sum: { points: true } });
    expect(given._sum.points).toBe(5);
    expect((await liveKudos()) - before).toBe(5);
  });
});

describe("other fairness rules", () => {
  it("enforces the cool-down between the same giver and recipient", async () => {
    clock.set("2026-11-22T01:00:00Z");
    await h.setRecognitionSettings({ cooldownMinutes: 60 });
    await say(USERS.bo.id, "/kudos", `${esc(USERS.carl)} 1 first thanks`, "Kudos sent");
    const refusal = await say(USERS.bo.id, "/kudos", `${esc(USERS.carl)} 1 second thanks`, "You recognised carl recently");
    expect(refusal).toContain("after 15:00 Sun 22 Nov (Pacific/Auckland time)");
    await say(USERS.bo.id, "/kudos", `${esc(USERS.dee)} 1 someone else is fine`, "Kudos sent");
    clock.advance(61 * 60_000);
    await say(USERS.bo.id, "/kudos", `${esc(USERS.carl)} 1 second thanks`, "Kudos sent");
    await h.setRecognitionSettings({ cooldownMinutes: 0 });
  });

  it("caps the points of a single gift", async () => {
    await h.setRecognitionSettings({ maxPointsPerGift: 2 });
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} 3 too generous`, "from 1 to 2");
    await h.setRecognitionSettings({ maxPointsPerGift: 5 });
  });

  it("suggests the closest company value for an unknown tag, and can require one", async () => {
    await h.setRecognitionSettings({ companyValues: ["ownership", "empathy", "craft"] });
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} listened well #empathie`, "#empathie isn't one of our company values. Did you mean #empathy?");
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} listened well #zzzzzzzz`, "Our values are #ownership, #empathy, #craft");
    await h.setRecognitionSettings({ valueRequired: true });
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} listened well`, "Please tag a company value");
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} listened well #Empathy`, "Kudos sent");
  });

  it("refuses self-kudos and kudos to bots", async () => {
    await say(USERS.carl.id, "/kudos", `${esc(USERS.carl)} me #craft`, "You can't give kudos to yourself");
    await say(USERS.carl.id, "/kudos", `${esc(USERS.bot)} beep #craft`, "helpbot is a bot");
  });
});
