import { describe, expect, it } from "vitest";
import { lastCompletedWeeks, niceScale } from "../../src/core/digests/trend.ts";

describe("digest trend data", () => {
  it("lists the last completed weeks, oldest first, in the team's time zone", () => {
    const weeks = lastCompletedWeeks(new Date("2026-11-23T08:00:00Z"), "Europe/Berlin", 8);
    expect(weeks.map((w) => w.key)).toEqual(["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"]);
    // Contiguous, and across the October DST change one week is an hour longer.
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toEqual(weeks[i - 1]!.end);
    expect(weeks.map((w) => (w.end.getTime() - w.start.getTime()) / 3_600_000)).toEqual([168, 168, 168, 169, 168, 168, 168, 168]);
  });

  it.each([
    [21, { max: 30, step: 10 }],
    [8, { max: 8, step: 2 }],
    [0.9, { max: 1, step: 0.25 }],
    [0, { max: 1, step: 0.25 }],
    [97.5, { max: 100, step: 25 }],
  ])("scales a value axis for a maximum of %s", (max, expected) => {
    expect(niceScale(max)).toEqual(expected);
  });
});
