import { getNextMillis } from "bullmq";
import { describe, expect, it } from "vitest";
import type { Team } from "../../src/core/shared/model.ts";
import { firstWorkingDayOfMonth, monthlyAwardsDue, monthlyAwardsSchedule, weeklyDigestSchedule } from "../../src/core/shared/schedule.ts";
import { previousMonth } from "../../src/core/awards/awards-post.ts";
import { TEAM_SCHEDULERS, teamOfSchedulerId } from "../../src/jobs/team-schedulers.ts";

const team: Team = { id: "0b9f7a52-4d0e-4f55-9b3a-6c1d2e3f4a5b", workspaceId: "w", name: "Support", channelId: "C1", timeZone: "Europe/Berlin", digestDay: 5, digestMinuteOfDay: 16 * 60 + 30 };
const prompts = { enabled: true, day: 4, minuteOfDay: 14 * 60 };

describe("team schedules", () => {
  it("gives every job kind of a team its own stable id and pattern in the team's time zone", () => {
    const byJob = Object.fromEntries(
      TEAM_SCHEDULERS.map((k) => [k.job, { id: k.schedulerId(team.id), schedule: k.schedule(team, { prompts, leaderboard: "both", awards: true }) }]),
    );
    expect(byJob["weekly-digest"]).toEqual({ id: `weekly-digest-${team.id}`, schedule: { pattern: "0 30 16 * * 5", timeZone: "Europe/Berlin" } });
    expect(byJob["weekly-leaderboard"]).toEqual({ id: `weekly-leaderboard-${team.id}`, schedule: { pattern: "0 30 16 * * 5", timeZone: "Europe/Berlin" } });
    expect(byJob["monthly-awards"]).toEqual({ id: `monthly-awards-${team.id}`, schedule: { pattern: "0 30 16 1-3 * *", timeZone: "Europe/Berlin" } });
    expect(byJob["recognition-prompts"]).toEqual({ id: `recognition-prompts-${team.id}`, schedule: { pattern: "0 0 14 * * 4", timeZone: "Europe/Berlin" } });
    expect(new Set(Object.values(byJob).map((v) => v.id)).size).toBe(TEAM_SCHEDULERS.length);
  });

  it("has no leaderboard schedule when the team turned the post off", () => {
    const leaderboard = TEAM_SCHEDULERS.find((k) => k.job === "weekly-leaderboard")!;
    expect(leaderboard.schedule(team, { prompts, leaderboard: "off", awards: true })).toBeNull();
  });

  it("has no awards schedule when the team turned its awards off, and only then", () => {
    const awards = TEAM_SCHEDULERS.find((k) => k.job === "monthly-awards")!;
    expect(awards.schedule(team, { prompts, leaderboard: "both", awards: false })).toBeNull();
    expect(awards.schedule(team, { prompts, leaderboard: "off", awards: true })).toEqual({ pattern: "0 30 16 1-3 * *", timeZone: "Europe/Berlin" });
  });

  it("recognises its own scheduler ids, and only those", () => {
    for (const kind of TEAM_SCHEDULERS) expect(teamOfSchedulerId(kind.schedulerId(team.id))).toBe(team.id);
    expect(teamOfSchedulerId(`something-else-${team.id}`)).toBeNull();
    expect(teamOfSchedulerId("weekly-digest-not-a-uuid")).toBeNull();
  });

  it("moves with the team's day, time and time zone", () => {
    const moved = { ...team, timeZone: "America/New_York", digestDay: 7, digestMinuteOfDay: 8 * 60 + 5 };
    expect(weeklyDigestSchedule(moved)).toEqual({ pattern: "0 5 8 * * 0", timeZone: "America/New_York" });
    expect(monthlyAwardsSchedule(moved)).toEqual({ pattern: "0 5 8 1-3 * *", timeZone: "America/New_York" });
  });
});

describe("the monthly awards' first working day", () => {
  it("is the 1st on a weekday, the 3rd when the month starts on Saturday, the 2nd on Sunday", () => {
    expect(firstWorkingDayOfMonth(new Date("2026-12-15T12:00:00Z"), "UTC")).toBe(1); // Tue 1 Dec 2026
    expect(firstWorkingDayOfMonth(new Date("2026-08-15T12:00:00Z"), "UTC")).toBe(3); // Sat 1 Aug 2026
    expect(firstWorkingDayOfMonth(new Date("2026-11-15T12:00:00Z"), "UTC")).toBe(2); // Sun 1 Nov 2026
  });

  it("is due from the first working day on, in the team's time zone", () => {
    // Sun 1 Nov 2026: not due on the 1st, due on Monday the 2nd.
    expect(monthlyAwardsDue(new Date("2026-11-01T08:00:00Z"), "Europe/Berlin")).toBe(false);
    expect(monthlyAwardsDue(new Date("2026-11-02T08:00:00Z"), "Europe/Berlin")).toBe(true);
    // 23:30 UTC on Sun 1 Nov is already Monday 2 Nov in Tokyo.
    expect(monthlyAwardsDue(new Date("2026-11-01T23:30:00Z"), "Asia/Tokyo")).toBe(true);
    expect(monthlyAwardsDue(new Date("2026-11-01T23:30:00Z"), "America/New_York")).toBe(false);
  });

  it("covers the month before, in the team's time zone", () => {
    const month = previousMonth(new Date("2026-11-02T08:00:00Z"), "Europe/Berlin");
    expect(month.key).toBe("2026-10");
    expect(month.start.toISOString()).toBe("2026-09-30T22:00:00.000Z"); // CEST
    expect(month.end.toISOString()).toBe("2026-10-31T23:00:00.000Z"); // CET after the DST change
  });
});

describe("the monthly awards schedule across DST", () => {
  it("fires at 09:00 local on days 1–3, also on the day New York falls back (Sun 1 Nov 2026)", () => {
    const { pattern, timeZone } = monthlyAwardsSchedule({ digestDay: 1, digestMinuteOfDay: 9 * 60, timeZone: "America/New_York" });
    const times: string[] = [];
    let millis = new Date("2026-10-03T14:00:00Z").getTime();
    for (let i = 0; i < 4; i++) {
      millis = getNextMillis(millis, { pattern, tz: timeZone })!;
      times.push(new Date(millis).toISOString());
    }
    // EDT (UTC−4) until 1 Nov 02:00, EST (UTC−5) after; 3 Oct 09:00 EDT is already past.
    expect(times).toEqual(["2026-11-01T14:00:00.000Z", "2026-11-02T14:00:00.000Z", "2026-11-03T14:00:00.000Z", "2026-12-01T14:00:00.000Z"]);
    // 1 November is a Sunday: not due; due from Monday 2 November (the run's claim makes the 3rd a no-op).
    expect(times.map((t) => monthlyAwardsDue(new Date(t), timeZone))).toEqual([false, true, true, true]);
  });
});
