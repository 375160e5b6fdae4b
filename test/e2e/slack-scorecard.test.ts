import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Wednesday of ISO week 2026-W47 (16–22 Nov) in UTC, the default team time zone.
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock });
});
afterAll(async () => {
  await h?.stop();
});

async function say(user: string, command: string, text: string, expectText: string) {
  const since = h.slack.calls.length;
  const res = await h.command(command, text, { user });
  expect(res.status).toBe(200);
  const call = await h.slack.waitFor(() =>
    h.slack.calls.slice(since).find((c) => c.method === "chat.postEphemeral" && c.args.user === user),
  );
  expect(String(call.args.text) + JSON.stringify(call.args.blocks ?? "")).toContain(expectText);
  return call;
}

describe("/scorecard", () => {
  beforeAll(async () => {
    // Last week: bo → ana 2 points. This week: carl → ana 3, ana → bo 1.
    clock.set("2026-11-11T10:00:00Z");
    await say(USERS.bo.id, "/kudos", `${esc(USERS.ana)} 2 took my escalations`, "Kudos sent");
    clock.set("2026-11-17T10:00:00Z");
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} 3 calmed an angry customer`, "Kudos sent");
    await say(USERS.ana.id, "/kudos", `${esc(USERS.bo)} wrote the refund macro`, "Kudos sent");
    clock.set("2026-11-18T12:00:00Z");
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    await h.spur.db.kpiRecord.createMany({
      data: [
        { memberId: ana.id, metric: "csat", periodDate: new Date("2026-11-17"), value: 92.5, source: "zendesk" },
        { memberId: ana.id, metric: "first_response_time", periodDate: new Date("2026-11-16"), value: 14, source: "zendesk" },
        // Previous week: not on this week's card.
        { memberId: ana.id, metric: "csat", periodDate: new Date("2026-11-13"), value: 70, source: "zendesk" },
      ],
    });
  });

  it("shows your own scorecard: this week's kudos against last week's, and this week's KPIs", async () => {
    const call = await say(USERS.ana.id, "/scorecard", "", "Your scorecard");
    const body = JSON.stringify(call.args.blocks);
    expect(body).toContain("2026-W47");
    expect(body).toContain("*Kudos received:* 1 kudos, 3 points (:arrow_up: from 2)");
    expect(body).toContain("*Kudos given:* 1 kudos, 1 point (:arrow_up: from 0)");
    expect(body).toContain("`csat` 2026-11-17: *92.50*");
    expect(body).toContain("`first_response_time` 2026-11-16: *14*");
    expect(body).not.toContain("*70*");
  });

  it("refuses an agent looking at a colleague's scorecard", async () => {
    await say(USERS.bo.id, "/scorecard", esc(USERS.ana), "Scorecards are private");
  });

  it("lets a lead of the same team see a member's scorecard once an admin made them lead", async () => {
    await say(USERS.carl.id, "/scorecard", esc(USERS.ana), "Scorecards are private");
    await say(USERS.carl.id, "/spur", `role ${esc(USERS.carl)} lead`, "Only Spur admins");
    await say(USERS.admin.id, "/spur", `role ${esc(USERS.carl)} lead`, "carl is now a lead");
    const call = await say(USERS.carl.id, "/scorecard", esc(USERS.ana), "Scorecard for ana");
    expect(JSON.stringify(call.args.blocks)).toContain("3 points");
  });

  it("lets an admin see anyone's scorecard", async () => {
    await say(USERS.admin.id, "/scorecard", esc(USERS.bo), "Scorecard for bo");
  });

  it("explains a malformed argument", async () => {
    await say(USERS.ana.id, "/scorecard", "everyone", 'I didn\'t understand \\"everyone\\"');
  });
});
