// A scorecard on a Wednesday, on both platforms: the running week is labelled "so far" and judged over its three
// days, a monthly volume target pro-rated to them, a rate's target unchanged; last week is judged whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana } = PEOPLE;

describe.each(PLATFORMS)("a scorecard so far on %s", (platform) => {
  let s: Surface;
  // Wednesday of ISO week 2026-W47 (Mon 16 – Sun 22 Nov) in UTC, the team's time zone; November has 30 days.
  const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

  beforeAll(async () => {
    s = await startSurface(platform, { clock, personalChats: true });
    await s.say(ana, "kudos", ["balance"]); // Spur gets to know Ana
    const team = await s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId } });
    const anaId = (await s.h.spur.db.member.findFirstOrThrow({ where: { workspaceId: s.workspaceId, platformUserId: ana[platform].id } })).id;
    await s.h.spur.db.kpiTarget.createMany({
      data: [
        { teamId: team.id, metric: "tickets_handled", target: 400, weight: 1, period: "month" },
        { teamId: team.id, metric: "csat", target: 90, weight: 1, period: "month" },
      ],
    });
    const handled = (date: string, value: number) => ({ memberId: anaId, metric: "tickets_handled", periodDate: new Date(date), value, source: "api", ref: date });
    await s.h.spur.db.kpiRecord.createMany({
      data: [
        handled("2026-11-10", 80),
        handled("2026-11-16", 12),
        handled("2026-11-17", 14),
        handled("2026-11-18", 10),
        { memberId: anaId, metric: "csat", periodDate: new Date("2026-11-17"), value: 90, numerator: 9, denominator: 10, source: "api", ref: "c1" },
      ],
    });
  });
  afterAll(() => s?.stop());

  it("labels the running week so far and judges Monday to Wednesday against 3/30 of the monthly target", async () => {
    const card = await s.say(ana, "scorecard", []);
    const lines = card.text.split("\n");
    expect(lines[0]).toBe("Your scorecard — week 2026-W47 so far (16 Nov – 22 Nov 2026, day 3 of 7)");
    // Tickets: 12 + 14 + 10 = 36 against 400 × 3/30 = 40 → 90% (against the whole month's 400 it would be 9%).
    // CSAT: 9/10 = 90% against 90%, not pro-rated → 100%. Composite (1×100% + 1×90%) ÷ 2 = 95.
    // Last week (complete): 80 tickets against 400 × 7/30 = 93.33 → 85.7%; no CSAT → composite 85.7.
    expect(lines).toContain("• CSAT: 90% · target 90% · attainment 100% · team median 90%");
    expect(lines).toContain("• Tickets handled: 36 · target 40 (pro rata: 400 a month × 3/30) · attainment 90% · ▼ from 80 (worse) · team median 36");
    expect(lines).toContain("Composite score: 95.0 (▲ from 85.7) — rank 1 of 1 in the team");
    expect(lines).toContain("(1×100% CSAT + 1×90% Tickets handled) ÷ 2 = 95%");

    const explained = await s.click(ana, card, "Explain");
    expect(explained.text.split("\n")).toContain(
      "• Tickets handled (higher is better): sum of 3 records = 36; target = 400 a month × 3/30 = 40; attainment = min(36 ÷ 40, 100%) = 90% (weight 1)",
    );
  });

  it("judges last week whole, against 7/30 of the monthly target, without the so-far label", async () => {
    const card = await s.say(ana, "scorecard", ["2026-W46"]);
    const lines = card.text.split("\n");
    expect(lines[0]).toBe("Your scorecard — week 2026-W46 (9 Nov – 15 Nov 2026)");
    // 80 ÷ (400 × 7/30 = 93.33) = 85.7%, shown rounded to 86%.
    expect(lines).toContain("• Tickets handled: 80 · target 93.3 (pro rata: 400 a month × 7/30) · attainment 86% · team median 80");
    expect(lines).toContain("Composite score: 85.7 — rank 1 of 1 in the team");
  });

  it("labels the month so far: 18 of 30 days, 400 × 18/30 = 240", async () => {
    const card = await s.say(ana, "scorecard", ["month"]);
    const lines = card.text.split("\n");
    expect(lines[0]).toBe("Your scorecard — month 2026-11 so far (1 Nov – 30 Nov 2026, day 18 of 30)");
    // 80 + 36 = 116 tickets against 240 → 48.3%, shown as 48%; CSAT 100% as every week. (100% + 48.3%) ÷ 2 = 74.2.
    expect(lines).toContain("• Tickets handled: 116 · target 240 (pro rata: 400 a month × 18/30) · attainment 48% · team median 116");
    expect(lines).toContain("(1×100% CSAT + 1×48.3% Tickets handled) ÷ 2 = 74.2%");
  });
});
