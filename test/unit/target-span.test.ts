// Targets fitted to the span viewed, pinned by hand-computed numbers: volumes pro-rated by local days of the
// target's own period, rates and times not; the running period judged so far (today included).
import { describe, expect, it } from "vitest";
import { memberComposite } from "../../src/core/awards/team-standings.ts";
import { isVolumeMetric, metric, METRIC_CODES, type MetricCode } from "../../src/core/kpi/kpi-catalogue.ts";
import { judge, scoreMetric } from "../../src/core/kpi/kpi-math.ts";
import { proRataNote, shareText } from "../../src/core/kpi/kpi-messages.ts";
import type { KpiTarget } from "../../src/core/kpi/kpi-ports.ts";
import { judgedSpan, targetForSpan } from "../../src/core/kpi/target-span.ts";
import { periodByKey, type PeriodKind } from "../../src/core/shared/review-period.ts";
import { plain } from "../support/neutral-text.ts";

const UTC = "UTC";
/** Long after every period used here: each is judged whole. */
const LATER = new Date("2030-01-01T00:00:00Z");
const span = (key: string, now: Date | string = LATER, timeZone = UTC) => judgedSpan(periodByKey(key, timeZone)!, new Date(now));
const tickets = metric("tickets_handled");
const goal = (code: MetricCode, target: number, period: PeriodKind, key: string, now?: Date | string, timeZone?: string) =>
  targetForSpan(metric(code), { target, period }, span(key, now, timeZone))?.value ?? null;
const v = (value: number) => ({ value, numerator: null, denominator: null });

describe("which KPIs are volumes", () => {
  it("are the summed ones of the catalogue: tickets handled, churn saves, kudos received", () => {
    expect(METRIC_CODES.filter((c) => isVolumeMetric(metric(c)))).toEqual(["churn_saves", "tickets_handled", "kudos_received"]);
  });
});

describe("the span judged", () => {
  it("is the whole of a period that is over, and the days so far (today included) of the running one", () => {
    // November 2026 has 30 days; on Wednesday 18 Nov, 18 of them are judged.
    expect(span("2026-11")).toMatchObject({ status: "complete", days: 30, totalDays: 30 });
    expect(span("2026-11", "2026-11-18T12:00:00Z")).toMatchObject({ status: "so_far", days: 18, totalDays: 30 });
    // ISO week 2026-W47 is Mon 16 – Sun 22 Nov: on the Wednesday, Mon + Tue + Wed = 3 of 7 days.
    expect(span("2026-W47", "2026-11-18T12:00:00Z")).toMatchObject({ status: "so_far", days: 3, totalDays: 7 });
    // The first minute of the period counts one day; a period not begun yet has none.
    expect(span("2026-W47", "2026-11-16T00:00:00Z")).toMatchObject({ status: "so_far", days: 1 });
    expect(span("2026-W47", "2026-11-15T23:59:59Z")).toMatchObject({ status: "upcoming", days: 0 });
    expect(span("2026-W47", "2026-11-23T00:00:00Z")).toMatchObject({ status: "complete", days: 7 });
  });

  it("counts days in the team's time zone", () => {
    // 2026-11-18T02:00Z is still Tuesday 17 Nov in New York: 2 days of the week, not 3.
    expect(span("2026-W47", "2026-11-18T02:00:00Z", "America/New_York")).toMatchObject({ status: "so_far", days: 2 });
    // A day with a daylight-saving change is one day: Europe/Berlin's March 2026 (clocks forward on the 29th) has 31.
    expect(span("2026-03", LATER, "Europe/Berlin")).toMatchObject({ days: 31, totalDays: 31 });
    expect(span("2026-10", LATER, "Europe/Berlin")).toMatchObject({ days: 31, totalDays: 31 });
  });
});

describe("a volume's target over a span", () => {
  it("is the target as set over exactly its own period (weekly, monthly, quarterly)", () => {
    expect(goal("tickets_handled", 100, "week", "2026-W47")).toBe(100);
    expect(goal("tickets_handled", 400, "month", "2026-11")).toBe(400);
    expect(goal("tickets_handled", 1200, "quarter", "2026-Q4")).toBe(1200);
    expect(targetForSpan(tickets, { target: 400, period: "month" }, span("2026-11"))?.proRata).toBeNull();
  });

  it("is pro-rated by days for a week inside a monthly target, for months of 28, 30 and 31 days", () => {
    // 2026-W47 (16–22 Nov) lies in November (30 days): 400 × 7/30 = 93.333…
    expect(goal("tickets_handled", 400, "month", "2026-W47")).toBeCloseTo(93.3333, 4);
    // 2026-W07 (9–15 Feb) lies in February 2026 (28 days): 400 × 7/28 = 100.
    expect(goal("tickets_handled", 400, "month", "2026-W07")).toBeCloseTo(100, 10);
    // 2026-W03 (12–18 Jan) lies in January (31 days): 310 × 7/31 = 70.
    expect(goal("tickets_handled", 310, "month", "2026-W03")).toBeCloseTo(70, 10);
  });

  it("sums each day's share when a week straddles two months", () => {
    // 2026-W14 is Mon 30 Mar – Sun 5 Apr: 2 days of March (31) + 5 of April (30): 400×2/31 + 400×5/30 = 25.806… + 66.666… = 92.473…
    expect(goal("tickets_handled", 400, "month", "2026-W14")).toBeCloseTo(400 * (2 / 31) + 400 * (5 / 30), 10);
    expect(goal("tickets_handled", 400, "month", "2026-W14")).toBeCloseTo(92.4731, 4);
    const fitted = targetForSpan(tickets, { target: 400, period: "month" }, span("2026-W14"));
    expect(shareText(fitted!.proRata!)).toBe("(2/31 + 5/30)");
  });

  it("is pro-rated for months and quarters against weekly or quarterly targets (quarters of 90 and 92 days)", () => {
    // A weekly 70 over November (30 days) is 10 a day: 300. Over Q1 2026 (31+28+31 = 90 days): 900.
    expect(goal("tickets_handled", 70, "week", "2026-11")).toBeCloseTo(300, 10);
    expect(goal("tickets_handled", 70, "week", "2026-Q1")).toBeCloseTo(900, 10);
    // A quarterly 920 over November, in Q4 (31+30+31 = 92 days): 920 × 30/92 = 300.
    expect(goal("tickets_handled", 920, "quarter", "2026-11")).toBeCloseTo(300, 10);
    // A quarterly 900 over February, in Q1 (90 days): 900 × 28/90 = 280.
    expect(goal("tickets_handled", 900, "quarter", "2026-02")).toBeCloseTo(280, 10);
    // A monthly 400 over a quarter is three whole months: 1200.
    expect(goal("tickets_handled", 400, "month", "2026-Q4")).toBeCloseTo(1200, 10);
    expect(shareText(targetForSpan(tickets, { target: 400, period: "month" }, span("2026-Q4"))!.proRata!)).toBe("3");
  });

  it("is judged pro rata to the days so far in the running period, never against the whole period", () => {
    // Wednesday 18 Nov: a weekly 100 for 3 of 7 days = 42.857…; a monthly 400 for 3 days of November = 40.
    expect(goal("tickets_handled", 100, "week", "2026-W47", "2026-11-18T12:00:00Z")).toBeCloseTo(300 / 7, 10);
    expect(goal("tickets_handled", 400, "month", "2026-W47", "2026-11-18T12:00:00Z")).toBeCloseTo(40, 10);
    // The month so far, 18 of 30 days: 400 × 18/30 = 240. The quarter so far, 31 + 18 = 49 of Q4's 92 days: 920 × 49/92 = 490.
    expect(goal("tickets_handled", 400, "month", "2026-11", "2026-11-18T12:00:00Z")).toBeCloseTo(240, 10);
    expect(goal("tickets_handled", 920, "quarter", "2026-Q4", "2026-11-18T12:00:00Z")).toBeCloseTo(490, 10);
    // Nothing is judged before the period begins.
    expect(goal("tickets_handled", 100, "week", "2026-W48", "2026-11-18T12:00:00Z")).toBeNull();
  });

  it("gives the attainment the scorecard shows: 36 tickets by Wednesday against 42.9 is 84%", () => {
    const wednesday = span("2026-W47", "2026-11-18T12:00:00Z");
    const scored = scoreMetric(tickets, [v(12), v(14), v(10)], { target: 100, period: "week", minVolume: null }, wednesday);
    // 12 + 14 + 10 = 36; 36 ÷ (100 × 3/7) = 36 × 7/300 = 0.84. Judged against the whole week it would be 36%.
    expect(scored.aggregate.value).toBe(36);
    expect(scored.attainment).toBeCloseTo(0.84, 10);
    expect(plain(proRataNote(tickets, scored.goal)!)).toBe(" (pro rata: 100 a week × 3/7)");
    expect(plain(proRataNote(tickets, scored.goal)!, "zh-CN")).toBe("（按天折算：每周 100 × 3/7）");
  });
});

describe("a rate's, score's or time's target", () => {
  it("is the same whatever the span: CSAT %, first response time, resolution rate, QA score", () => {
    for (const key of ["2026-W47", "2026-11", "2026-Q4"]) {
      expect(goal("csat", 90, "month", key)).toBe(90);
      expect(goal("first_response_time", 30, "week", key)).toBe(30);
      expect(goal("resolution_rate", 85, "quarter", key)).toBe(85);
      expect(goal("qa_score", 80, "month", key, "2026-11-18T12:00:00Z")).toBe(80);
    }
    // First response time of 40 min against 30 min on the Wednesday: 30 ÷ 40 = 75%, as on any other day.
    expect(judge(metric("first_response_time"), 40, { target: 30, period: "week", minVolume: null }, span("2026-W47", "2026-11-18T12:00:00Z")).attainment).toBe(0.75);
  });
});

describe("the composite over a span", () => {
  it("weighs span-fitted attainments: a complete week inside monthly targets", () => {
    const targets: KpiTarget[] = [
      { metric: "tickets_handled", target: 400, weight: 1, period: "month", minVolume: null },
      { metric: "csat", target: 90, weight: 2, period: "month", minVolume: null },
    ];
    const inputs = new Map([
      ["tickets_handled", [v(40), v(30)]],
      ["csat", [{ value: 80, numerator: 8, denominator: 10 }]],
    ]);
    // Week 2026-W47, complete: tickets 70 ÷ (400 × 7/30 = 93.33) = 0.75; CSAT 80% ÷ 90% = 0.888…
    // (1 × 0.75 + 2 × 0.8889) ÷ 3 = 2.5278 ÷ 3 = 84.26%. Unfitted, tickets would score 70 ÷ 400 = 17.5%.
    const week = memberComposite(inputs, targets, span("2026-W47"));
    expect(week.terms.map((t) => t.attainment)).toEqual([expect.closeTo(0.75, 10), expect.closeTo(8 / 9, 10)]);
    expect(week.score).toBeCloseTo(((0.75 + 2 * (8 / 9)) / 3) * 100, 10);
    expect(week.score).toBeCloseTo(84.2593, 4);
  });
});
