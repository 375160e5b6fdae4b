// Two support tiers, end to end on Slack and on Teams: an admin creates Tier 1 (Berlin) and Tier 2 (Shanghai)
// with commands, each with its own channel, time zone, digest time and lead, and assigns members; each team's
// scheduled digest runs at its own local time and posts once; a Tier 1 lead is refused a Tier 2 scorecard; a
// member moved mid-month leaves her earlier kudos and KPI records with the team she was in; the team of the
// month is chosen across both teams; the audit log lists every change.
//
// Each team's targets are set by command: Tier 1 judges CSAT against 100 % (set by the admin), Tier 2 against
// 95 % with weight 2 (set by its own lead; Tier 1's lead is refused). CSAT is each team's only target, so an
// agent's composite is their capped CSAT attainment and the numbers below can be checked by hand.
import type { Job } from "bullmq";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NewKpiRecord } from "../../src/core/kpi/kpi-ports.ts";
import { MONTHLY_AWARDS_JOB } from "../../src/jobs/monthly-awards.ts";
import { WEEKLY_DIGEST_JOB, weeklyDigestSchedulerId } from "../../src/jobs/weekly-digest.ts";
import { TestClock } from "../support/clock.ts";
import { channelNamed, HERE, MORE_PEOPLE, PEOPLE, type Person, PLATFORMS, type Said, startSurface, type Surface, type Where } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;
const { fay, gus } = MORE_PEOPLE;
const TIER_1 = channelNamed("tier-1");
const TIER_2 = channelNamed("tier-2");

describe.each(PLATFORMS)("two tiers on %s", (platform) => {
  let s: Surface;
  const clock = new TestClock(new Date("2026-11-10T10:00:00Z")); // a Tuesday
  const channelIds = platform === "slack" ? ["CTIER1", "CTIER2"] : ["19:tier-1@thread.tacv2", "19:tier-2@thread.tacv2"];

  beforeAll(async () => {
    s = await startSurface(platform, { clock, morePeople: [fay, gus] });
  });
  afterAll(() => s?.stop());

  const admin = async (said: Said, expectText: string, where?: Where) => {
    const reply = await s.say(carl, "spur", said, where);
    expect(reply.text).toContain(expectText);
    return reply.text;
  };
  const teamNamed = (name: string) => s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId, name } });
  const idOf = (p: Person) => (platform === "slack" ? p.slack.id : p.teams.id);
  const memberOf = (p: Person) => s.h.spur.db.member.findFirstOrThrow({ where: { workspaceId: s.workspaceId, platformUserId: idOf(p) } });

  /** A day's CSAT (satisfied of rated) and tickets handled for the person, through the KPI writer the ingest uses. */
  async function kpis(date: string, rows: [Person, number, number, number][]) {
    const records: NewKpiRecord[] = [];
    for (const [p, satisfied, rated, tickets] of rows) {
      const base = { memberId: (await memberOf(p)).id, date, source: "api", ref: "" };
      records.push(
        { ...base, metric: "csat", value: (satisfied * 100) / rated, numerator: satisfied, denominator: rated },
        { ...base, metric: "tickets_handled", value: tickets, numerator: null, denominator: null },
      );
    }
    await s.h.spur.services.kpiWriter.upsert(records);
  }

  /** Waits for the jobs and returns what each returned. */
  async function settled(jobs: Job[]): Promise<{ status: string; periodKey?: string }[]> {
    const queue = s.h.spur.queues.scheduled;
    await vi.waitFor(async () => expect(await Promise.all(jobs.map((j) => j.getState()))).toEqual(jobs.map(() => "completed")), { timeout: 15_000, interval: 50 });
    return Promise.all(jobs.map(async (j) => (await queue.getJob(j.id!))?.returnvalue as { status: string; periodKey?: string }));
  }

  /** The team's own digest scheduler fires (its pending job runs now), and the same job is delivered once more. */
  async function digestFires(teamId: string) {
    const queue = s.h.spur.queues.scheduled;
    const pending = (await queue.getDelayed()).find((j) => j.repeatJobKey === weeklyDigestSchedulerId(teamId));
    expect(pending?.data).toEqual({ teamId });
    await pending!.promote();
    return settled([pending!, await queue.add(WEEKLY_DIGEST_JOB, { teamId })]);
  }

  const digests = async (channel: typeof TIER_1) => (await s.posts(channel)).filter((p) => p.includes("Weekly digest"));
  const awards = async (channel: typeof TIER_1) => (await s.posts(channel)).filter((p) => p.includes("Awards for November 2026"));

  it("lets an admin create Tier 1 and Tier 2 with their own channel, time zone, digest, lead and members", async () => {
    expect((await s.say(ana, "spur", ["team create Rogue"])).text).toContain("Only Spur admins can change settings");
    await admin(["team create Tier 1"], "Team Tier 1 created");
    await admin(["team create Tier 2"], "Team Tier 2 created");
    // Each team's channel: `channel` sent in that channel names it.
    await admin(["team Tier 1 channel ", HERE], "Shoutouts and the weekly digest for Tier 1 now go to", TIER_1);
    await admin(["team Tier 2 channel ", HERE], "Shoutouts and the weekly digest for Tier 2 now go to", TIER_2);
    await admin(["team Tier 1 timezone Europe/Berlin"], "Tier 1 now runs on Europe/Berlin time");
    await admin(["team Tier 2 timezone Asia/Shanghai"], "Tier 2 now runs on Asia/Shanghai time");
    await admin(["team Tier 1 digest monday 09:30"], "Mondays at 09:30 (Europe/Berlin)");
    // 07:00 on Monday in Shanghai is still Sunday in UTC.
    await admin(["team Tier 2 digest monday 07:00"], "Mondays at 07:00 (Asia/Shanghai)");
    await admin(["team Tier 1 lead add ", bo], "Now leading Tier 1");
    await admin(["team Tier 2 lead add ", dee], "Now leading Tier 2");
    await admin(["team Tier 1 add ", ana, " ", fay, " ", bo], "Moved to Tier 1");
    await admin(["team Tier 2 add ", gus, " ", dee], "Moved to Tier 2");

    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    expect(tier1).toMatchObject({ channelId: channelIds[0], timeZone: "Europe/Berlin", digestDay: 1, digestMinuteOfDay: 570 });
    expect(tier2).toMatchObject({ channelId: channelIds[1], timeZone: "Asia/Shanghai", digestDay: 1, digestMinuteOfDay: 420 });
    const people = await Promise.all([ana, bo, dee, fay, gus].map(memberOf));
    expect(people.map((m) => [m.displayName, m.teamId, m.role])).toEqual([
      [ana.name, tier1.id, "agent"],
      [bo.name, tier1.id, "lead"],
      [dee.name, tier2.id, "lead"],
      [fay.name, tier1.id, "agent"],
      [gus.name, tier2.id, "agent"],
    ]);
    // Each team's own targets (see the note at the top): the admin sets Tier 1's, Tier 2's lead sets Tier 2's.
    await admin(["team Tier 1 targets set csat 100"], "Saved.");
    expect((await s.say(bo, "spur", ["team Tier 2 targets set csat 50"])).text).toContain("You don't lead Tier 2");
    expect((await s.say(dee, "spur", ["team Tier 2 targets set csat 95 weight 2"])).text).toContain("Saved.");
    const targets = await s.h.spur.db.kpiTarget.findMany({ where: { teamId: { in: [tier1.id, tier2.id] } } });
    expect(targets.map((t) => [t.teamId, t.metric, t.target, t.weight, t.period]).sort()).toEqual(
      [
        [tier1.id, "csat", 100, 1, "month"],
        [tier2.id, "csat", 95, 2, "month"],
      ].sort(),
    );
  });

  it("schedules each team's digest at its own local time", async () => {
    const schedulers = await s.h.spur.queues.scheduled.getJobSchedulers();
    for (const [name, zone, hour, minute] of [
      ["Tier 1", "Europe/Berlin", 9, 30],
      ["Tier 2", "Asia/Shanghai", 7, 0],
    ] as const) {
      const { id } = await teamNamed(name);
      const digest = schedulers.filter((x) => x.key === weeklyDigestSchedulerId(id));
      expect(digest).toHaveLength(1);
      const next = DateTime.fromMillis(Number(digest[0]!.next), { zone });
      expect([digest[0]!.tz, next.weekday, next.hour, next.minute]).toEqual([zone, 1, hour, minute]);
    }
  });

  it("refuses a Tier 1 lead a Tier 2 member's scorecard and shows a Tier 1 one", async () => {
    expect((await s.say(bo, "scorecard", [gus], "personal")).text).toContain("Scorecards are private");
    expect((await s.say(bo, "scorecard", [fay], "personal")).text).toContain(`Scorecard for ${fay.name}`);
    expect((await s.say(dee, "scorecard", [gus], "personal")).text).toContain(`Scorecard for ${gus.name}`);
    expect((await s.say(dee, "scorecard", [fay], "personal")).text).toContain("Scorecards are private");
  });

  it("keeps a member's kudos and KPI records with the team she was in when moved mid-month", async () => {
    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    clock.set("2026-11-10T12:00:00Z");
    expect((await s.say(dee, "kudos", [ana, " 2 took my escalations"])).text).toContain("Kudos sent");
    // CSAT: Ana 90 %, Fay 95 % (Tier 1, against 100 %); Gus 75 % (Tier 2, against 95 %: 78.95 %); 20 rated each.
    await kpis("2026-11-10", [
      [ana, 18, 20, 25],
      [fay, 19, 20, 30],
      [gus, 15, 20, 30],
    ]);

    clock.set("2026-11-12T12:00:00Z");
    expect(await admin(["team Tier 2 add ", ana], "Moved to Tier 2")).toContain("earlier kudos and KPI records stay");
    clock.set("2026-11-13T12:00:00Z");
    expect((await s.say(gus, "kudos", [ana, " 3 welcome to Tier 2"])).text).toContain("Kudos sent");
    await kpis("2026-11-13", [[ana, 20, 20, 25]]); // 100 %, in Tier 2 now (capped at 100 % of Tier 2's 95 %)

    const anaId = (await memberOf(ana)).id;
    const kudos = await s.h.spur.db.kudos.findMany({ where: { recipientId: anaId }, orderBy: { createdAt: "asc" } });
    expect(kudos.map((k) => [k.points, k.teamId])).toEqual([
      [2, tier1.id],
      [3, tier2.id],
    ]);
    const records = await s.h.spur.db.kpiRecord.findMany({ where: { memberId: anaId, metric: "csat" }, orderBy: { periodDate: "asc" } });
    expect(records.map((r) => [r.periodDate.toISOString().slice(0, 10), r.teamId])).toEqual([
      ["2026-11-10", tier1.id],
      ["2026-11-13", tier2.id],
    ]);

    // Now in Tier 2, Ana is Dee's to see, no longer Bo's; each team's month counts her kudos where she got them.
    expect((await s.say(bo, "scorecard", [ana], "personal")).text).toContain("Scorecards are private");
    expect((await s.say(dee, "scorecard", [ana], "personal")).text).toContain(`Scorecard for ${ana.name}`);
    const tier2Board = (await s.say(dee, "leaderboard", ["month"])).text;
    expect(tier2Board).toContain("Tier 2, November 2026");
    expect(tier2Board).toContain(`${ana.name} — 3 points (1 kudos)`);
    const tier1Board = (await s.say(bo, "leaderboard", ["month"])).text;
    expect(tier1Board).toContain("Tier 1, November 2026");
    expect(tier1Board).toContain(`${ana.name} — 2 points (1 kudos)`);
  });

  it("posts each team's digest once, in its own channel, when its scheduler fires at the team's local time", async () => {
    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    // Monday 16 November, 07:00 in Shanghai (Sunday 23:00 UTC): week 46 has ended there.
    clock.set("2026-11-15T23:00:00Z");
    expect((await digestFires(tier2.id)).map((r) => r.status).sort()).toEqual(["already_done", "posted"]);
    expect(await digests(TIER_1)).toEqual([]);
    // Monday 16 November, 09:30 in Berlin.
    clock.set("2026-11-16T08:30:00Z");
    expect((await digestFires(tier1.id)).map((r) => r.status).sort()).toEqual(["already_done", "posted"]);

    const [tier1Digests, tier2Digests] = [await digests(TIER_1), await digests(TIER_2)];
    expect(tier1Digests).toHaveLength(1);
    expect(tier2Digests).toHaveLength(1);
    expect((await s.posts()).filter((p) => p.includes("Weekly digest"))).toEqual([]);
    expect(tier1Digests[0]).toContain("Tier 1, week 2026-W46");
    expect(tier1Digests[0]).toContain(`${ana.name} — 2 points (1 kudos)`);
    expect(tier2Digests[0]).toContain("Tier 2, week 2026-W46");
    expect(tier2Digests[0]).toContain(`${ana.name} — 3 points (1 kudos)`);
    const runs = await s.h.spur.db.digestRun.findMany({ where: { kind: "weekly_digest" } });
    expect(runs.map((r) => [r.teamId, r.periodKey, r.status]).sort()).toEqual(
      [
        [tier1.id, "2026-W46", "posted"],
        [tier2.id, "2026-W46", "posted"],
      ].sort(),
    );
  });

  it("chooses the team of the month across both teams, each counting the moved member where her records are", async () => {
    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    clock.set("2026-12-01T10:00:00Z"); // Tuesday 1 December: the first working day in both zones
    const queue = s.h.spur.queues.scheduled;
    for (const team of [tier1, tier2]) {
      const results = await settled([await queue.add(MONTHLY_AWARDS_JOB, { teamId: team.id }), await queue.add(MONTHLY_AWARDS_JOB, { teamId: team.id })]);
      expect(results.map((r) => r.status).sort()).toEqual(["already_done", "posted"]);
    }
    const [tier1Awards, tier2Awards] = [await awards(TIER_1), await awards(TIER_2)];
    expect(tier1Awards).toHaveLength(1);
    expect(tier2Awards).toHaveLength(1);
    // Tier 1 (against 100 %): Ana's 90 % from before the move and Fay's 95 %; Tier 2 (against 95 %): Ana's 100 %
    // since, capped at 100 % attainment, and Gus's 75 ÷ 95 = 78.95 %.
    expect(tier1Awards[0]).toContain(`${fay.name} — 95.0%`);
    expect(tier2Awards[0]).toContain(`${ana.name} — 100.0%`);
    // Team of the month: Tier 1's mean (90 + 95) ÷ 2 = 92.5 % over Tier 2's (100 + 78.947) ÷ 2 = 89.47 %, the same
    // in both posts.
    for (const post of [tier1Awards[0]!, tier2Awards[0]!]) {
      expect(post).toContain("Team of the month");
      expect(post).toContain("Tier 1 — 92.5%");
    }
    const [scores] = await s.h.spur.db.monthlyTeamScores.findMany({ where: { workspaceId: s.workspaceId } });
    expect(scores?.scores).toEqual(
      expect.arrayContaining([
        { teamId: tier1.id, teamName: "Tier 1", score: 92.5 },
        { teamId: tier2.id, teamName: "Tier 2", score: expect.closeTo((100 + (75 / 95) * 100) / 2, 6) },
      ]),
    );
  });

  it("lists each change in the audit log", async () => {
    const log = await admin(["audit"], "Audit log", "personal");
    expect(log).not.toContain("digest day");
    for (const line of [
      "created the team Tier 1",
      "created the team Tier 2",
      "changed the team Tier 1: channel from",
      "changed the team Tier 2: channel from",
      "changed the team Tier 1: time zone from UTC to Europe/Berlin",
      "changed the team Tier 2: time zone from UTC to Asia/Shanghai",
      // The day stayed Monday: only the time is named.
      "changed the team Tier 1: digest time from 09:00 to 09:30",
      "changed the team Tier 2: digest time from 09:00 to 07:00",
      `made ${bo.name} lead of Tier 1`,
      `made ${dee.name} lead of Tier 2`,
      `moved ${ana.name}, ${fay.name}, and ${bo.name} to Tier 1`,
      `moved ${gus.name} and ${dee.name} to Tier 2`,
      `moved ${ana.name} to Tier 2`,
      "set Tier 1's CSAT target from",
      "set Tier 2's CSAT target from",
    ]) {
      expect(log).toContain(line);
    }
    const entries = await s.h.spur.db.auditLogEntry.findMany({ where: { workspaceId: s.workspaceId, action: { startsWith: "team." } } });
    expect(entries).toHaveLength(13);
    expect(entries.every((e) => e.actorUserId === idOf(carl))).toBe(true);
  });
});
