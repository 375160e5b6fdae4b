// Teams counterpart of the button scenarios of slack-scorecard.test.ts: previous/next period on the scorecard
// card, re-rendered in place, with privacy checked again on every click.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { type FakeBotConnector, textOf } from "../support/fake-bot-connector.ts";
import type { Harness } from "../support/spur-harness.ts";
import { installationUpdate, TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, executeActions, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

const { ana, bo, carl } = TEAMS_USERS;
let t: TeamsSetup;
let h: Harness;
let connector: FakeBotConnector;
let chat: TeamsChat;
let anaId = "";
// Wednesday of ISO week 2026-W47 in UTC, the default team time zone.
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

beforeAll(async () => {
  t = await startTeams({ clock, captureLogs: true });
  ({ h, connector, chat } = t);
  // Last week: bo → ana 2 points. This week: carl → ana 3.
  clock.set("2026-11-11T10:00:00Z");
  await chat.say(bo, ["kudos ", ana, " 2 took my escalations"], "Kudos sent");
  clock.set("2026-11-17T10:00:00Z");
  await chat.say(carl, ["kudos ", ana, " 3 calmed an angry customer"], "Kudos sent");
  clock.set("2026-11-18T12:00:00Z");
  await h.teams(installationUpdate("add", connector.url, "personal", ana));
  anaId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: ana.id } })).id;
});
afterAll(async () => {
  await t?.stop();
});

/** The period in the card's heading (card text escapes markdown: "2026\\-W47" in JSON). */
const periodOf = (text: string) => /Your scorecard — [a-z]+ ([0-9A-Z\\-]+)/.exec(text)?.[1]?.replaceAll("\\", "");

describe("Teams: scorecard buttons", () => {
  it("shows previous, next and Explain buttons naming the member and the period shown (no Send on one's own card)", async () => {
    const reply = await chat.say(ana, ["scorecard"], "Your scorecard — week 2026-W47", "personal");
    const buttons = executeActions(cardOf(reply));
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([
      ["◀ 2026-W46", "scorecard.previous"],
      ["Next ▶", "scorecard.next"],
      ["Explain", "scorecard.explain"],
    ]);
    for (const button of buttons) expect(button.data).toEqual({ m: anaId, p: "2026-W47" });
  });

  it("lets a lead send a colleague's card to the agent's personal chat, opening it if needed", async () => {
    const boId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: bo.id } })).id;
    const reply = await chat.say(carl, ["scorecard ", bo], "Scorecard for Bo Berg — week 2026-W47", "personal");
    const send = executeActions(cardOf(reply)).find((b) => b.title === "Send to agent");
    expect(send).toEqual({ title: "Send to agent", verb: "scorecard.send", data: { m: boId, p: "2026-W47" } });

    const sent = await chat.click(carl, "scorecard.send", send!.data);
    expect(sent.type).toBe("application/vnd.microsoft.activity.message");
    expect(sent.text).toBe("✅ Sent to Bo Berg privately.");
    expect(connector.createdChats.filter((c) => c.userId === bo.id)).toHaveLength(1);
    const [dm] = connector.sentTo(`a:created-${bo.id}`);
    expect(dm?.replyToId).toBeUndefined();
    expect(textOf(dm!)).toContain("Your scorecard — week 2026-W47");
    expect(executeActions(cardOf(dm!)).map((b) => b.title)).toEqual(["◀ 2026-W46", "Next ▶", "Explain"]);

    // An agent can't send a colleague's card: privacy is checked on the click, and nothing is sent.
    const refused = await chat.click(ana, "scorecard.send", { m: boId, p: "2026-W47" });
    expect(refused.text).toContain("Scorecards are private");
    expect(connector.sentTo(`a:created-${bo.id}`)).toHaveLength(1);
    const own = await chat.click(ana, "scorecard.send", { m: anaId, p: "2026-W47" });
    expect(own.text).toContain("your own scorecard");
  });

  it("moves to the previous and next period, replacing the card", async () => {
    const previous = await chat.click(ana, "scorecard.previous", { m: anaId, p: "2026-W47" });
    expect(previous.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(periodOf(previous.text)).toBe("2026-W46");
    expect(previous.text).toContain("1 kudos, 2 points");
    expect(executeActions(previous.value)[0]?.data).toEqual({ m: anaId, p: "2026-W46" });
    const next = await chat.click(ana, "scorecard.next", { m: anaId, p: "2026-W46" });
    expect(periodOf(next.text)).toBe("2026-W47");
    expect(next.text).toContain("1 kudos, 3 points (▲ from 2)");
    const month = await chat.click(ana, "scorecard.previous", { m: anaId, p: "2026-11" });
    expect(periodOf(month.text)).toBe("2026-10");
  });

  it("checks privacy again on every click, logging the refusal", async () => {
    const boId = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: bo.id } })).id;
    const refused = await chat.click(bo, "scorecard.previous", { m: anaId, p: "2026-W47" });
    expect(refused.type).toBe("application/vnd.microsoft.activity.message");
    expect(refused.text).toContain("Scorecards are private");
    expect(refused.text).not.toContain("points");
    expect(h.logs).toContainEqual(expect.objectContaining({ event: "scorecard_access_refused", viewerId: boId, viewerRole: "agent", subjectId: anaId }));
  });

  it("refuses a click from a channel, where everyone would see the card", async () => {
    const refused = await chat.click(ana, "scorecard.next", { m: anaId, p: "2026-W46" }, "channel");
    expect(refused.text).toContain("Scorecards are private: send me scorecard in a personal chat");
  });

  it("answers a stale or forged button with a message", async () => {
    const unknownPeriod = await chat.click(ana, "scorecard.next", { m: anaId, p: "2026-W99" });
    expect(unknownPeriod.text).toContain("Spur couldn't read that card");
    const unknownMember = await chat.click(ana, "scorecard.next", { m: "00000000-0000-4000-8000-000000000000", p: "2026-W46" });
    expect(unknownMember.text).toContain("Spur couldn't read that card");
    const malformed = await chat.click(ana, "scorecard.next", { p: "2026-W46" });
    expect(malformed.text).toContain("Spur couldn't read that card");
  });
});
