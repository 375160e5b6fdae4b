import { describe, expect, it } from "vitest";
import { rollupRange } from "../../src/store/rollup-range.ts";

const range = (start: string, end: string) => rollupRange({ start: new Date(start), end: new Date(end) });

describe("rollupRange", () => {
  it("reads a UTC month wholly from the rollup", () => {
    expect(range("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")).toMatchObject({ fromDay: "2026-11-01", toDay: "2026-12-01", fullStart: new Date("2026-11-01T00:00:00Z"), fullEnd: new Date("2026-12-01T00:00:00Z") });
  });

  it("reads a Shanghai month's first 16 and last 8 hours raw", () => {
    // November in Asia/Shanghai: 2026-10-31T16:00Z to 2026-11-30T16:00Z
    const r = range("2026-10-31T16:00:00Z", "2026-11-30T16:00:00Z");
    expect(r).toMatchObject({ fromDay: "2026-11-01", toDay: "2026-11-30" });
    expect(r.fullStart.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(r.fullEnd.toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("reads a range without a whole UTC day raw, once", () => {
    const r = range("2026-11-03T05:00:00Z", "2026-11-04T03:00:00Z");
    expect(r.fromDay).toBe(r.toDay);
    expect(r.fullStart).toEqual(r.end);
    expect(r.fullEnd).toEqual(r.end);
  });
});
