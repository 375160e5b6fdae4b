// When every team schedule fires across daylight-saving changes, computed the way the queues compute it (BullMQ
// with Spur's repeat strategy): 09:00 local stays 09:00 local; a time the clocks skip (02:30 on the night they
// jump 02:00 → 03:00) fires once, at 03:00; a time they repeat fires once, at its first occurrence.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { Team } from "../../src/core/shared/model.ts";
import { instantOfWallClock, wallClockMillis, weeklyDigestSchedule } from "../../src/core/shared/schedule.ts";
import type { TeamScheduleSettings } from "../../src/jobs/job-definition.ts";
import { localTimeRepeatStrategy } from "../../src/jobs/local-time-repeat.ts";
import { MONTHLY_AWARDS_JOB } from "../../src/jobs/monthly-awards.ts";
import { TEAM_SCHEDULERS } from "../../src/jobs/team-schedulers.ts";

async function fireTimes(pattern: string, timeZone: string, fromIso: string, untilIso: string): Promise<DateTime[]> {
  const times: DateTime[] = [];
  let millis = new Date(fromIso).getTime();
  const until = new Date(untilIso).getTime();
  for (;;) {
    const next = await localTimeRepeatStrategy(millis, { pattern, tz: timeZone });
    if (next === undefined || next >= until) return times;
    expect(next).toBeGreaterThan(millis);
    times.push(DateTime.fromMillis(next, { zone: timeZone }));
    millis = next;
  }
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
  ])("%s from %s fires at Monday 09:00 local: %o", async (zone, from, expected) => {
    const { pattern } = weeklyDigestSchedule({ digestDay: 1, digestMinuteOfDay: 9 * 60, timeZone: zone });
    const times = (await fireTimes(pattern, zone, from, "2026-12-31T00:00:00Z")).slice(0, 2);
    expect(times.map((t) => t.toUTC().toISO())).toEqual(expected);
    for (const t of times) expect(t.toFormat("ccc HH:mm")).toBe("Mon 09:00");
  });
});

describe("local wall-clock times", () => {
  const wall = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" }).toMillis();
  const at = (millis: number, zone: string) => DateTime.fromMillis(millis, { zone }).toISO();

  it("name their instant; a skipped one names the jump, a repeated one its first occurrence", () => {
    expect(at(instantOfWallClock(wall("2026-03-28T02:30:00"), "Europe/Berlin"), "Europe/Berlin")).toBe("2026-03-28T02:30:00.000+01:00");
    // 29 Mar 2026, Berlin: 02:00 CET → 03:00 CEST; 02:30 does not exist, the first valid time after it is 03:00.
    expect(at(instantOfWallClock(wall("2026-03-29T02:30:00"), "Europe/Berlin"), "Europe/Berlin")).toBe("2026-03-29T03:00:00.000+02:00");
    // 25 Oct 2026, Berlin: 03:00 CEST → 02:00 CET; 02:30 happens twice, first at +02:00.
    expect(at(instantOfWallClock(wall("2026-10-25T02:30:00"), "Europe/Berlin"), "Europe/Berlin")).toBe("2026-10-25T02:30:00.000+02:00");
    expect(wallClockMillis(Date.parse("2026-10-25T01:30:00Z"), "Europe/Berlin")).toBe(wall("2026-10-25T02:30:00"));
  });
});

const SETTINGS: TeamScheduleSettings = { prompts: { enabled: true, day: 7, minuteOfDay: 150 }, leaderboard: "both", awards: true };

describe.each([
  // Australia/Sydney 2028: clocks fall back 03:00 → 02:00 on Sunday 2 April and jump 02:00 → 03:00 on Sunday
  // 1 October — both within days 1–3, so the monthly awards meet them too. Europe/Berlin (2026) and
  // America/New_York (2026) meet them on the weekly schedules.
  { zone: "Australia/Sydney", day: "2028-10-01", minute: 150, kind: "gap" },
  { zone: "Australia/Sydney", day: "2028-04-02", minute: 150, kind: "repeated" },
  { zone: "Europe/Berlin", day: "2026-03-29", minute: 150, kind: "gap" },
  { zone: "Europe/Berlin", day: "2026-10-25", minute: 150, kind: "repeated" },
  { zone: "America/New_York", day: "2026-03-08", minute: 150, kind: "gap" },
  { zone: "America/New_York", day: "2026-11-01", minute: 90, kind: "repeated" },
] as const)("every team schedule set at $minute min past midnight, $zone, $kind hour on $day", ({ zone, day, minute, kind }) => {
  const team: Team = { id: "t", workspaceId: "w", name: "Support", channelId: "C1", timeZone: zone, digestDay: 7, digestMinuteOfDay: minute };
  const settings = { ...SETTINGS, prompts: { ...SETTINGS.prompts, minuteOfDay: minute } };
  const setTime = DateTime.fromObject({ hour: Math.floor(minute / 60), minute: minute % 60 }).toFormat("HH:mm");
  const from = DateTime.fromISO(day, { zone }).minus({ days: 8 }).toUTC().toISO()!;
  const until = DateTime.fromISO(day, { zone }).plus({ days: 9 }).toUTC().toISO()!;

  it.each(TEAM_SCHEDULERS.map((k) => [k.job, k] as const))("%s posts once a day it is due, the change day included", async (_job, scheduler) => {
    const schedule = scheduler.schedule(team, settings);
    expect(schedule).not.toBeNull();
    const times = await fireTimes(schedule!.pattern, schedule!.timeZone, from, until);
    const days = times.map((t) => t.toISODate());
    expect(new Set(days).size).toBe(days.length);
    const dueOnDay = DateTime.fromISO(day).day <= 3 || scheduler.job !== MONTHLY_AWARDS_JOB;
    const onDay = times.filter((t) => t.toISODate() === day);
    expect(onDay).toHaveLength(dueOnDay ? 1 : 0);
    for (const t of times.filter((x) => x.toISODate() !== day)) expect(t.toFormat("HH:mm")).toBe(setTime);
    if (!dueOnDay) return;
    const fired = onDay[0]!;
    if (kind === "gap") {
      // The set time does not exist that night: it fires when the clocks jump, at 03:00.
      expect(fired.toFormat("HH:mm")).toBe("03:00");
    } else {
      // The set time happens twice: it fires at the first, under the summer offset (the larger one).
      expect(fired.toFormat("HH:mm")).toBe(setTime);
      expect(fired.offset).toBeGreaterThan(fired.plus({ hours: 2 }).offset);
    }
  });
});
