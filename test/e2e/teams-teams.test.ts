// Teams as first-class on Microsoft Teams: `admin team …` runs the same use case as Slack's `/spur team …`.
// Carl (the team owner, so a Spur admin) creates Tier 1 and Tier 2 with different leads, channels and time
// zones and assigns members; a Tier 1 lead is refused a Tier 2 scorecard and sees a Tier 1 one; a member moved
// mid-month keeps earlier kudos in the old team; each team's digest is scheduled at its own local time.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEEKLY_DIGEST_JOB, weeklyDigestSchedulerId } from "../../src/jobs/weekly-digest.ts";
import { TestClock } from "../support/clock.ts";
import { FakeBotConnector, type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { botAddedToTeam, GENERAL, message, TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";

const { ana, bo, carl, dee } = TEAMS_USERS;
let h: Harness;
let connector: FakeBotConnector;
const clock = new TestClock(new Date("2026-11-10T10:00:00Z")); // a Tuesday

async function say(from: RosterMember, parts: (string | RosterMember)[], expectText: string, scope: "channel" | "personal" = "channel"): Promise<string> {
  const activity = message(from, parts, { serviceUrl: connector.url, scope });
  const since = connector.sent.length;
  expect((await h.teams(activity)).status).toBe(200);
  const reply = await connector.waitFor(() => connector.sent.slice(since).find((s) => s.replyToId === activity.id));
  const text = textOf(reply);
  expect(text).toContain(expectText);
  return text;
}

const teamNamed = (name: string) => h.spur.db.team.findFirstOrThrow({ where: { name } });

beforeAll(async () => {
  connector = await new FakeBotConnector(TEAMS_ROSTER).start();
  h = await startHarness({ teams: true, clock });
  await h.teams(botAddedToTeam(connector.url));
});
afterAll(async () => {
  await h?.stop();
  await connector?.stop();
});

describe("Teams: teams and leads", () => {
  it("sets up Tier 1 and Tier 2 with admin team …", async () => {
    await say(ana, ["admin team create Rogue"], "Only Spur admins can change settings");
    await say(carl, ["admin team create Tier 1"], "Team Tier 1 created");
    await say(carl, ["admin team create Tier 2"], "Team Tier 2 created");
    await say(carl, ["admin team create TIER 1"], 'There is already a team called \\"TIER 1\\"');
    // Sent in the General channel, `channel` names it.
    await say(carl, ["admin team Tier 1 channel"], "Shoutouts and the weekly digest for Tier 1 now go to");
    await say(carl, ["admin team Tier 1 timezone Europe/Berlin"], "Tier 1 now runs on Europe/Berlin time");
    await say(carl, ["admin team Tier 2 timezone Asia/Shanghai"], "Tier 2 now runs on Asia/Shanghai time");
    await say(carl, ["admin team Tier 2 digest friday 17:00"], "Fridays at 17:00 (Asia/Shanghai)");
    await say(carl, ["admin team Tier 1 lead add ", bo], "Now leading Tier 1");
    await say(carl, ["admin team Tier 2 lead add ", dee], "Now leading Tier 2");
    await say(carl, ["admin team Tier 1 add ", ana, " ", bo], "Moved to Tier 1");
    await say(carl, ["admin team Tier 2 add ", dee], "Moved to Tier 2");

    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    expect(tier1).toMatchObject({ channelId: GENERAL, timeZone: "Europe/Berlin" });
    expect(tier2).toMatchObject({ channelId: null, timeZone: "Asia/Shanghai", digestDay: 5, digestMinuteOfDay: 1020 });
    const list = await say(carl, ["admin team list"], "teams:");
    expect(list).toContain("Tier 1");
    expect(list).toContain("Tier 1 — this channel · Europe/Berlin · digest Mondays 09:00 · leads: Bo Berg · 2 members");
    expect(list).toContain("Tier 2 — no channel · Asia/Shanghai · digest Fridays 17:00 · leads: Dee Diaz · 1 member");
    expect(await h.spur.db.auditLogEntry.count({ where: { action: { startsWith: "team." } } })).toBe(10);
  });

  it("schedules each team's digest at its own local time", async () => {
    const schedulers = await h.spur.queues.scheduled.getJobSchedulers();
    for (const [name, zone, weekday, hour] of [
      ["Tier 1", "Europe/Berlin", 1, 9],
      ["Tier 2", "Asia/Shanghai", 5, 17],
    ] as const) {
      const team = await teamNamed(name);
      const digest = schedulers.filter((s) => s.key === weeklyDigestSchedulerId(team.id));
      expect(digest).toHaveLength(1);
      const next = DateTime.fromMillis(Number(digest[0]!.next), { zone: digest[0]!.tz! });
      expect([digest[0]!.tz, next.weekday, next.hour, next.minute]).toEqual([zone, weekday, hour, 0]);
    }
  });

  it("refuses a Tier 1 lead a Tier 2 member's scorecard and shows a Tier 1 one", async () => {
    await say(bo, ["scorecard ", dee], "Scorecards are private", "personal");
    await say(bo, ["scorecard ", ana], "Scorecard for Ana Alves", "personal");
    await say(dee, ["scorecard ", ana], "Scorecards are private", "personal");
  });

  it("keeps a member's earlier kudos in the old team after a move mid-month, and posts Tier 1's digest once", async () => {
    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    clock.set("2026-11-10T12:00:00Z");
    await say(bo, ["kudos ", ana, " 2 took my escalations"], "Kudos sent");
    clock.set("2026-11-11T12:00:00Z");
    await say(carl, ["admin team Tier 2 add ", ana], "Moved to Tier 2");
    await say(dee, ["kudos ", ana, " 3 welcome to Tier 2"], "Kudos sent");
    const kudos = await h.spur.db.kudos.findMany({ where: { recipient: { platformUserId: ana.id } }, orderBy: { createdAt: "asc" } });
    expect(kudos.map((k) => [k.points, k.teamId])).toEqual([
      [2, tier1.id],
      [3, tier2.id],
    ]);
    // Now in Tier 2, Ana is Dee's to see, no longer Bo's.
    await say(dee, ["scorecard ", ana], "Scorecard for Ana Alves", "personal");
    await say(bo, ["scorecard ", ana], "Scorecards are private", "personal");

    clock.set("2026-11-16T08:00:00Z"); // Monday 09:00 in Berlin
    const digests = () => connector.sentTo(GENERAL).filter((s) => textOf(s).includes("Weekly digest"));
    const jobs = [await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: tier1.id }), await h.spur.queues.scheduled.add(WEEKLY_DIGEST_JOB, { teamId: tier1.id })];
    await connector.waitFor(async () => (await Promise.all(jobs.map((j) => j.getState()))).every((s) => s === "completed"));
    expect(digests()).toHaveLength(1);
    const digest = textOf(digests()[0]!);
    expect(digest).toContain("Tier 1");
    expect(digest).toContain("2 points");
    expect(digest).not.toContain("5 points");
  });
});
