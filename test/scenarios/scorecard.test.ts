// The scorecard on both platforms, held to the same words: your own for a week, month or quarter, its period
// buttons and Explain, a colleague's for an admin (with Send to agent), an agent refused someone else's, and
// a member Spur can't find.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, type Person, PLATFORMS, startSurface, STRANGER, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

describe.each(PLATFORMS)("scorecard on %s", (platform) => {
  let s: Surface;
  // Wednesday of ISO week 2026-W47 (16–22 Nov) in UTC, the team's time zone.
  const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
  const memberId = async (who: Person) =>
    (await s.h.spur.db.member.findFirstOrThrow({ where: { workspaceId: s.workspaceId, platformUserId: who[platform].id } })).id;

  beforeAll(async () => {
    s = await startSurface(platform, { clock, personalChats: true });
    await s.settings({ allowancePoints: 50, companyValues: ["ownership", "craft"] });
    // Last week: bo → ana 2 points. This week: carl → ana 3, ana → bo 1.
    clock.set("2026-11-11T10:00:00Z");
    await s.say(bo, "kudos", [ana, " 2 took my escalations"]);
    clock.set("2026-11-17T10:00:00Z");
    await s.say(carl, "kudos", [ana, " 3 calmed an angry customer #ownership"]);
    await s.say(ana, "kudos", [bo, " 1 wrote the refund macro #craft"]);
    await s.say(dee, "kudos", ["balance"]);
    clock.set("2026-11-18T12:00:00Z");
    const team = await s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId } });
    await s.h.spur.db.kpiTarget.createMany({
      data: [
        { teamId: team.id, metric: "csat", target: 90, weight: 2, period: "month" },
        { teamId: team.id, metric: "first_response_time", target: 30, weight: 1, period: "month", minVolume: 3 },
      ],
    });
    const [anaId, boId] = [await memberId(ana), await memberId(bo)];
    const csat = (memberId: string, date: string, numerator: number, denominator: number) => ({
      memberId, metric: "csat", periodDate: new Date(date), value: (numerator * 100) / denominator, numerator, denominator, source: "api",
    });
    const frt = (memberId: string, date: string, value: number, ref: string) => ({ memberId, metric: "first_response_time", periodDate: new Date(date), value, source: "api", ref });
    await s.h.spur.db.kpiRecord.createMany({
      data: [
        csat(anaId, "2026-11-03", 10, 12), csat(anaId, "2026-11-17", 8, 8), frt(anaId, "2026-11-10", 14, "T0"), frt(anaId, "2026-11-16", 20, "T1"), frt(anaId, "2026-11-17", 40, "T2"),
        csat(anaId, "2026-10-10", 15, 20),
        csat(boId, "2026-11-05", 8, 10), frt(boId, "2026-11-05", 30, "T3"), frt(boId, "2026-11-06", 60, "T4"), frt(boId, "2026-11-07", 60, "T5"),
      ],
    });
  });
  afterAll(() => s?.stop());

  const FOOTER = "Only you can see this. Scorecards are private to the agent and their leads.";
  const NOVEMBER_RECORDS = [
    "KPI records this month",
    "• csat 2026-11-03: 83.33 (api)",
    "• csat 2026-11-17: 100 (api)",
    "• first_response_time 2026-11-10: 14 (api)",
    "• first_response_time 2026-11-16: 20 (api)",
    "• first_response_time 2026-11-17: 40 (api)",
  ];
  const novemberCard = (title: string) => [
    `${title} — month 2026-11 so far (1 Nov – 30 Nov 2026, day 18 of 30)`,
    "Kudos received: 2 kudos, 5 points (▲ from 0)",
    "Customer kudos: 0 (= same as last month)",
    "Kudos given: 1 kudos, 1 point (▲ from 0)",
    "Top values: #ownership (1)",
    "KPIs",
    "• CSAT: 90% · target 90% · attainment 100% · ▲ from 75% · team median 85%",
    "• First response time: 20 min · target 30 min · attainment 100% · team median 40 min",
    "Composite score: 100.0 (▲ from 83.3) — rank 1 of 2 in the team",
    "(2×100% CSAT + 1×100% First response time) ÷ 3 = 100%",
    ...NOVEMBER_RECORDS,
    "Peer feedback — November 2026",
    "No peer feedback to show yet.",
    FOOTER,
  ];

  it("shows your own for this week by default, against last week, with the period buttons", async () => {
    const card = await s.say(ana, "scorecard", []);
    expect(card.text).toBe(
      [
        "Your scorecard — week 2026-W47 so far (16 Nov – 22 Nov 2026, day 3 of 7)",
        "Kudos received: 1 kudos, 3 points (▲ from 2)",
        "Customer kudos: 0 (= same as last week)",
        "Kudos given: 1 kudos, 1 point (▲ from 0)",
        "Top values: #ownership (1)",
        "KPIs",
        "• CSAT: 100% · target 90% · attainment 100% · team median 100%",
        "• First response time: not enough data (2 of 3 tickets)",
        "Composite score: 100.0 — rank 1 of 1 in the team",
        "(2×100% CSAT) ÷ 2 = 100%",
        "KPI records this week",
        "• csat 2026-11-17: 100 (api)",
        "• first_response_time 2026-11-16: 20 (api)",
        "• first_response_time 2026-11-17: 40 (api)",
        "Peer feedback — November 2026",
        "No peer feedback to show yet.",
        FOOTER,
      ].join("\n"),
    );
    expect(card.buttons.map((b) => b.label)).toEqual(["◀ 2026-W46", "Next ▶", "Explain"]);
  });

  it("shows the month: each KPI against its target, the trend, the team median, the composite and the rank", async () => {
    const card = await s.say(ana, "scorecard", ["month"]);
    expect(card.text).toBe(novemberCard("Your scorecard").join("\n"));
    expect(card.buttons.map((b) => b.label)).toEqual(["◀ 2026-10", "Next ▶", "Explain"]);
  });

  it("shows the quarter", async () => {
    const card = await s.say(ana, "scorecard", ["quarter"]);
    const lines = card.text.split("\n");
    expect(lines[0]).toBe("Your scorecard — quarter 2026-Q4 so far (1 Oct – 31 Dec 2026, day 49 of 92)");
    expect(lines.slice(6, 10)).toEqual([
      "• CSAT: 82.5% · target 90% · attainment 92% · team median 81.3%",
      "• First response time: 20 min · target 30 min · attainment 100% · team median 40 min",
      "Composite score: 94.4 — rank 1 of 2 in the team",
      "(2×91.7% CSAT + 1×100% First response time) ÷ 3 = 94.4%",
    ]);
    expect(lines).toContain("• csat 2026-10-10: 75 (api)");
    expect(card.buttons.map((b) => b.label)).toEqual(["◀ 2026-Q3", "Next ▶", "Explain"]);
  });

  it("moves to the previous and next period, and explains the numbers, in place", async () => {
    const november = await s.say(ana, "scorecard", ["month"]);
    const october = await s.click(ana, november, "◀ 2026-10");
    expect(october.text).toBe(
      [
        "Your scorecard — month 2026-10 (1 Oct – 31 Oct 2026)",
        "Kudos received: 0 kudos, 0 points (= same as last month)",
        "Customer kudos: 0 (= same as last month)",
        "Kudos given: 0 kudos, 0 points (= same as last month)",
        "KPIs",
        "• CSAT: 75% · target 90% · attainment 83% · team median 75%",
        "• First response time: not enough data (0 of 3 tickets)",
        "Composite score: 83.3 — rank 1 of 1 in the team",
        "(2×83.3% CSAT) ÷ 2 = 83.3%",
        "KPI records this month",
        "• csat 2026-10-10: 75 (api)",
        "Peer feedback — October 2026",
        "No peer feedback to show yet.",
        FOOTER,
      ].join("\n"),
    );
    expect(october.buttons.map((b) => b.label)).toEqual(["◀ 2026-09", "Next ▶", "Explain"]);
    const back = await s.click(ana, october, "Next ▶");
    expect(back.text).toBe(novemberCard("Your scorecard").join("\n"));
    const explained = await s.click(ana, back, "Explain");
    expect(explained.text).toBe(
      [
        ...novemberCard("Your scorecard").slice(0, 9),
        ...NOVEMBER_RECORDS,
        "Peer feedback — November 2026",
        "No peer feedback to show yet.",
        "How your 2026-11 scorecard is computed",
        "• CSAT (higher is better): Σnumerator ÷ Σdenominator = 18 ÷ 20 = 90%; attainment = min(90% ÷ 90%, 100%) = 100% (weight 2)",
        "• First response time (lower is better): median of 3 observations = 20 min; attainment = min(30 min ÷ 20 min, 100%) = 100% (weight 1)",
        "Composite = Σ(weight × capped attainment) ÷ Σweight over KPIs with a target and enough data:",
        "(2×100% CSAT + 1×100% First response time) ÷ 3 = 100%",
        FOOTER,
      ].join("\n"),
    );
    expect(explained.buttons.map((b) => b.label)).toEqual(["◀ 2026-10", "Next ▶"]);
  });

  it("refuses an agent asking for a colleague's, naming them", async () => {
    const refused = await s.say(bo, "scorecard", [ana, " month"]);
    expect(refused.text).toBe(
      "⚠️ Scorecards are private: you can see your own, and leads can see their team's. Ask Ana Alves or their lead if you'd like to talk about it.",
    );
  });

  it("shows an admin a colleague's, with Send to agent, which puts it in the agent's direct messages", async () => {
    const card = await s.say(carl, "scorecard", [ana, " month"]);
    expect(card.text).toBe(novemberCard("Scorecard for Ana Alves").join("\n"));
    expect(card.buttons.map((b) => b.label)).toEqual(["◀ 2026-10", "Next ▶", "Explain", "Send to agent"]);
    const sent = await s.click(carl, card, "Send to agent");
    expect(sent.text).toBe("✅ Sent to Ana Alves privately.");
    const dm = (await s.dms(ana)).at(-1)?.text;
    expect(dm).toBe(novemberCard("Your scorecard").join("\n"));
  });

  it("says so when it can't find the member, or doesn't understand the argument", async () => {
    const unknown = await s.say(carl, "scorecard", [STRANGER]);
    expect(unknown.text).toBe("⚠️ I couldn't find Eve Evans in this workspace.");
    const malformed = await s.say(ana, "scorecard", ["everyone"]);
    expect(malformed.text).toBe(
      '⚠️ I didn\'t understand "everyone". Use scorecard for your own scorecard, or scorecard @agent for a member of your team. Add a period: week, month, quarter, 2026-W47, 2026-11 or 2026-Q4.',
    );
  });
});
