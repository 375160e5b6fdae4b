// BullMQ's own next-run computation (getNextMillis) on Spur's patterns: 09:00 local stays 09:00 local
// across daylight-saving changes.
import { getNextMillis } from "bullmq";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { weeklyDigestSchedule } from "../../src/core/shared/schedule.ts";

function fireTimes(timeZone: string, fromIso: string, count: number): string[] {
  const { pattern } = weeklyDigestSchedule({ digestDay: 1, digestMinuteOfDay: 9 * 60, timeZone });
  const times: string[] = [];
  let millis = new Date(fromIso).getTime();
  for (let i = 0; i < count; i++) {
    millis = getNextMillis(millis, { pattern, tz: timeZone })!;
    times.push(new Date(millis).toISOString());
  }
  return times;
}

function local(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat("ccc HH:mm");
}

describe("weekly digest schedule across DST", () => {
  it.each([
    // Europe/Berlin: spring forward 29 Mar 2026, fall back 25 Oct 2026.
    ["Europe/Berlin", "2026-03-20T00:00:00Z", ["2026-03-23T08:00:00.000Z", "2026-03-30T07:00:00.000Z"]],
    ["Europe/Berlin", "2026-10-20T00:00:00Z", ["2026-10-26T08:00:00.000Z", "2026-11-02T08:00:00.000Z"]],
    ["Europe/Berlin", "2026-10-17T00:00:00Z", ["2026-10-19T07:00:00.000Z", "2026-10-26T08:00:00.000Z"]],
    // America/New_York: spring forward 8 Mar 2026, fall back 1 Nov 2026.
    ["America/New_York", "2026-03-01T00:00:00Z", ["2026-03-02T14:00:00.000Z", "2026-03-09T13:00:00.000Z"]],
    ["America/New_York", "2026-10-25T00:00:00Z", ["2026-10-26T13:00:00.000Z", "2026-11-02T14:00:00.000Z"]],
  ])("%s from %s fires at Monday 09:00 local: %o", (zone, from, expected) => {
    const times = fireTimes(zone, from, 2);
    expect(times).toEqual(expected);
    for (const t of times) expect(local(t, zone)).toBe("Mon 09:00");
  });
});
