import { describe, expect, it } from "vitest";
import { metric, METRIC_CODES, METRICS } from "../../src/core/kpi/kpi-catalogue.ts";
import { aggregate, attainment, composite, hasEnoughData, type KpiParts, type KpiRecordInput, median, rankOf, scoreMetric, sumParts, totalValue } from "../../src/core/kpi/kpi-math.ts";
import { judgedSpan } from "../../src/core/kpi/target-span.ts";
import { periodByKey, periodContaining, periodDates, shiftPeriod } from "../../src/core/shared/review-period.ts";

const v = (value: number) => ({ value, numerator: null, denominator: null });
const r = (numerator: number, denominator: number) => ({ value: (numerator / denominator) * 100, numerator, denominator });
const november = judgedSpan(periodByKey("2026-11", "UTC")!, new Date("2026-12-05T00:00:00Z"));

describe("metric catalogue", () => {
  it("defines every KPI of the domain with a unit, a direction and an aggregation", () => {
    expect(METRIC_CODES).toHaveLength(13);
    for (const code of METRIC_CODES) expect(METRICS.get(code)?.code).toBe(code);
    expect(metric("csat")).toMatchObject({ unit: "percent", direction: "higher", aggregation: "ratio", minVolume: 5 });
    expect(metric("first_response_time")).toMatchObject({ unit: "minutes", direction: "lower", aggregation: "median", minVolume: 20 });
    expect(metric("resolution_time")).toMatchObject({ direction: "lower", aggregation: "median" });
    expect(metric("reopen_rate")).toMatchObject({ direction: "lower", aggregation: "ratio" });
    expect(metric("qa_score").aggregation).toBe("mean");
    expect(metric("tickets_handled").aggregation).toBe("sum");
  });
});

describe("aggregation over a period", () => {
  it("takes the median of times: odd and even counts", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeNull();
    expect(aggregate("median", [v(12), v(3), v(45), v(7)])).toEqual({ value: 9.5, volume: 4, inputs: { observations: 4 } });
  });

  it("takes the ratio of sums, not the mean of daily ratios", () => {
    // Day 1: 9 of 10 good (90%); day 2: 1 of 2 good (50%). Mean of ratios would be 70%; the truth is 10/12.
    const agg = aggregate("ratio", [r(9, 10), r(1, 2)]);
    expect(agg.value).toBeCloseTo(83.3333, 4);
    expect(agg.volume).toBe(12);
    expect(agg.inputs).toEqual({ numerator: 10, denominator: 12, observations: 2 });
  });

  it("ignores ratio records without both parts and has no value for an empty denominator", () => {
    expect(aggregate("ratio", [v(80)]).value).toBeNull();
    expect(aggregate("ratio", [r(0, 0)]).value).toBeNull();
  });

  it("weights means by the denominator (count) when given", () => {
    // 2 reviews averaging 80 and one review of 95: (160 + 95) / 3 = 85.
    expect(aggregate("mean", [{ value: 80, numerator: null, denominator: 2 }, v(95)]).value).toBe(85);
    expect(aggregate("mean", [v(70), v(90)])).toMatchObject({ value: 80, volume: 2 });
  });

  it("sums counts", () => {
    expect(aggregate("sum", [v(12), v(30), v(8)])).toMatchObject({ value: 50, volume: 3 });
    expect(aggregate("sum", []).value).toBeNull();
  });
});

describe("attainment against a target", () => {
  it("is value ÷ target when higher is better, capped at 100%", () => {
    expect(attainment("higher", 72, 90)).toBeCloseTo(0.8, 10);
    expect(attainment("higher", 99, 90)).toBe(1);
    expect(attainment("higher", 99, 90, 1.2)).toBeCloseTo(1.1, 10);
  });

  it("is inverted (target ÷ value) when lower is better", () => {
    expect(attainment("lower", 40, 30)).toBeCloseTo(0.75, 10);
    expect(attainment("lower", 20, 30)).toBe(1);
    expect(attainment("lower", 0, 30)).toBe(1);
  });
});

describe("minimum-volume guard", () => {
  it("shows 'not enough data' below the catalogue's minimum, or a team's override", () => {
    const four = [r(1, 1), r(1, 1), r(1, 1), r(1, 1)];
    expect(hasEnoughData(aggregate("ratio", four), metric("csat").minVolume)).toBe(false);
    expect(hasEnoughData(aggregate("ratio", [...four, r(0, 1)]), 5)).toBe(true);
    const guarded = scoreMetric(metric("csat"), four, { target: 90, period: "month", minVolume: null }, november);
    expect(guarded).toMatchObject({ enough: false, minVolume: 5, attainment: null });
    const overridden = scoreMetric(metric("csat"), four, { target: 90, period: "month", minVolume: 3 }, november);
    expect(overridden).toMatchObject({ enough: true, attainment: 1 });
  });
});

describe("composite score", () => {
  it("is the weighted mean of capped attainments, with its formula", () => {
    const c = composite([
      { code: "csat", label: "CSAT", weight: 2, attainment: 0.95 },
      { code: "first_response_time", label: "FRT", weight: 1, attainment: 1 },
      { code: "qa_score", label: "QA", weight: 1, attainment: null },
    ]);
    // (2×0.95 + 1×1) / 3 = 0.96666…
    expect(c.score).toBeCloseTo(96.6667, 3);
    expect(c.terms).toEqual([
      { code: "csat", weight: 2, attainment: 0.95 },
      { code: "first_response_time", weight: 1, attainment: 1 },
    ]);
    expect(c.totalWeight).toBe(3);
    expect(c.excluded).toEqual(["qa_score"]);
  });

  it("has no score when nothing can be scored", () => {
    expect(composite([{ code: "csat", label: "CSAT", weight: 1, attainment: null }]).score).toBeNull();
  });

  it("ranks by score with ties sharing a rank; unscored members are not ranked", () => {
    const scores = new Map<string, number | null>([["a", 90], ["b", 95], ["c", 90], ["d", null]]);
    expect(rankOf("b", scores)).toEqual({ rank: 1, of: 3 });
    expect(rankOf("a", scores)).toEqual({ rank: 2, of: 3 });
    expect(rankOf("d", scores)).toBeNull();
  });
});

describe("review periods", () => {
  it("parses weeks, months and quarters in the team's time zone and moves between them", () => {
    const month = periodByKey("2026-11", "Europe/Berlin");
    expect(month?.start.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(periodDates(month!)).toEqual({ from: "2026-11-01", toExclusive: "2026-12-01" });
    expect(shiftPeriod(month!, -1).key).toBe("2026-10");
    expect(shiftPeriod(month!, 2).key).toBe("2027-01");
    expect(periodByKey("2026-Q4", "UTC")?.end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(shiftPeriod(periodByKey("2026-W01", "UTC")!, -1).key).toBe("2025-W52");
    expect(periodContaining("quarter", new Date("2026-11-18T12:00:00Z"), "UTC").key).toBe("2026-Q4");
    expect(periodByKey("2026-13", "UTC")).toBeNull();
    expect(periodByKey("2026-W60", "UTC")).toBeNull();
  });
});

describe("aggregating rollup parts", () => {
  // Observations spread over days; each day summed into parts as kpi_day keeps them (values only for a median).
  const days: KpiRecordInput[][] = [
    [
      { value: 75, numerator: 3, denominator: 4 },
      { value: 12, numerator: null, denominator: null },
    ],
    [{ value: 50, numerator: 1, denominator: 2 }],
    [
      { value: 90, numerator: null, denominator: 2 },
      { value: 4, numerator: 5, denominator: null },
      { value: 30, numerator: 2, denominator: 3 },
    ],
  ];
  const partsOfDay = (records: KpiRecordInput[], keepValues: boolean): KpiParts => ({ ...sumParts(records), values: keepValues ? records.map((r) => r.value) : null });

  for (const aggregation of ["ratio", "median", "mean", "sum"] as const) {
    it(`gives what the records give (${aggregation})`, () => {
      const parts = days.map((d) => partsOfDay(d, aggregation === "median"));
      expect(aggregate(aggregation, parts)).toEqual(aggregate(aggregation, days.flat()));
      // Records and parts mixed (a rollup plus the day's newest records) give the same too.
      expect(aggregate(aggregation, [...parts.slice(1), ...(days[0] as KpiRecordInput[])])).toEqual(aggregate(aggregation, days.flat()));
    });
  }

  it("pins the sums: ratio 6/9, weighted mean 686/13, median 40, sum 261", () => {
    const parts = days.map((d) => partsOfDay(d, true));
    // only (3, 4), (1, 2) and (2, 3) carry both parts
    expect(aggregate("ratio", parts)).toMatchObject({ value: 600 / 9, volume: 9 });
    // weights: 4, 1, 2, 2, 1, 3 → 300 + 12 + 100 + 180 + 4 + 90 = 686 over 13
    expect(aggregate("mean", parts)).toMatchObject({ value: 686 / 13, volume: 13 });
    expect(aggregate("median", parts)).toMatchObject({ value: 40, volume: 6 });
    expect(totalValue(parts)).toBe(261);
  });
});
