import { describe, expect, it } from "vitest";
import { localDate, previousWeek, weekByKey, weekContaining } from "../../src/core/shared/period.ts";

describe("weeks in a team's time zone", () => {
  it("starts the week at Monday 00:00 local time, stored as UTC", () => {
    const w = weekContaining(new Date("2026-11-18T12:00:00Z"), "Europe/Berlin");
    expect(w.key).toBe("2026-W47");
    expect(w.start.toISOString()).toBe("2026-11-15T23:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-11-22T23:00:00.000Z");
  });

  it("puts a Sunday-evening UTC instant into the next week in Pacific/Auckland", () => {
    // Sunday 22 Nov 2026 12:30 UTC is Monday 01:30 in Auckland (UTC+13).
    const instant = new Date("2026-11-22T12:30:00Z");
    expect(weekContaining(instant, "UTC").key).toBe("2026-W47");
    expect(weekContaining(instant, "Pacific/Auckland").key).toBe("2026-W48");
    expect(weekContaining(instant, "Pacific/Auckland").start.toISOString()).toBe("2026-11-22T11:00:00.000Z");
  });

  it("has 167 hours in the week clocks spring forward and 169 when they fall back", () => {
    const spring = weekContaining(new Date("2026-03-25T12:00:00Z"), "Europe/Berlin");
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
    const fall = weekContaining(new Date("2026-10-22T12:00:00Z"), "Europe/Berlin");
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(169);
  });

  it("uses ISO week-years at the turn of the year", () => {
    expect(weekContaining(new Date("2026-12-31T12:00:00Z"), "UTC").key).toBe("2026-W53");
    expect(weekContaining(new Date("2027-01-03T12:00:00Z"), "UTC").key).toBe("2026-W53");
    expect(weekContaining(new Date("2027-01-04T12:00:00Z"), "UTC").key).toBe("2027-W01");
  });

  it("finds the previous week and a week by its key", () => {
    const now = new Date("2026-11-23T08:00:00Z");
    expect(previousWeek(now, "America/New_York").key).toBe("2026-W47");
    const byKey = weekByKey("2026-W47", "America/New_York");
    expect(byKey).toEqual(previousWeek(now, "America/New_York"));
    expect(byKey.start.toISOString()).toBe("2026-11-16T05:00:00.000Z");
  });

  it("rejects malformed keys and unknown zones", () => {
    expect(() => weekByKey("2026-47", "UTC")).toThrow(RangeError);
    expect(() => weekByKey("2026-W60", "UTC")).toThrow(RangeError);
    expect(() => weekContaining(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });

  it("gives the local calendar date", () => {
    expect(localDate(new Date("2026-11-22T12:30:00Z"), "Pacific/Auckland")).toBe("2026-11-23");
    expect(localDate(new Date("2026-11-22T12:30:00Z"), "America/Los_Angeles")).toBe("2026-11-22");
  });
});
