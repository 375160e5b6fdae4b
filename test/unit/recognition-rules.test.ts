import { describe, expect, it } from "vitest";
import { allowanceWindow, resetParam } from "../../src/core/recognition/allowance.ts";
import { localize } from "../../src/i18n/localize.ts";
import { PLAIN, spell } from "../../src/i18n/spell.ts";
import type { Locale } from "../../src/i18n/locale.ts";
import type { Msg } from "../../src/i18n/message.ts";
import { diffSettings } from "../../src/core/shared/audit.ts";
import { ErrorCode, SpurError } from "../../src/core/shared/errors.ts";
import { leaderboardRange } from "../../src/core/recognition/leaderboard.ts";
import { validateSettings } from "../../src/core/recognition/recognition-admin.ts";
import {
  checkValues,
  closestValue,
  DEFAULT_RECOGNITION_SETTINGS,
  editDistance,
  parseCompanyValues,
  parseEmojiPoints,
} from "../../src/core/recognition/recognition-settings.ts";

describe("allowance windows", () => {
  it("start at local midnight in the team's time zone", () => {
    const w = allowanceWindow(new Date("2026-11-19T10:59:59Z"), "Pacific/Auckland", "day");
    expect(w.start.toISOString()).toBe("2026-11-18T11:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-11-19T11:00:00.000Z");
    expect(spell(localize(resetParam(w), "en"), PLAIN)).toBe("at 00:00 Fri 20 Nov (Pacific/Auckland time)");
    const next = allowanceWindow(new Date("2026-11-19T11:00:00Z"), "Pacific/Auckland", "day");
    expect(next.start.toISOString()).toBe("2026-11-19T11:00:00.000Z");
  });

  it("are the same for every moment of a window, and right again after time moves back or the period changes", () => {
    const at = (iso: string, period: "day" | "week" = "day") => allowanceWindow(new Date(iso), "Pacific/Auckland", period);
    const first = at("2026-11-19T10:00:00Z");
    expect(at("2026-11-18T11:00:00Z")).toBe(first);
    expect(at("2026-11-19T11:00:00Z").start.toISOString()).toBe("2026-11-19T11:00:00.000Z");
    expect(at("2026-11-18T10:59:59Z").start.toISOString()).toBe("2026-11-17T11:00:00.000Z");
    expect(at("2026-11-19T10:00:00Z").start.toISOString()).toBe("2026-11-18T11:00:00.000Z");
    expect(at("2026-11-19T10:00:00Z", "week").start.toISOString()).toBe("2026-11-15T11:00:00.000Z");
    expect(allowanceWindow(new Date("2026-11-19T10:00:00Z"), "UTC", "day").start.toISOString()).toBe("2026-11-19T00:00:00.000Z");
  });

  it("span a 23-hour day across a daylight-saving change", () => {
    // Europe/Berlin springs forward on 29 Mar 2026.
    const w = allowanceWindow(new Date("2026-03-29T12:00:00Z"), "Europe/Berlin", "day");
    expect(w.end.getTime() - w.start.getTime()).toBe(23 * 3600_000);
  });

  it("weekly windows start on Monday, leaderboard quarters on the quarter's first day", () => {
    const w = allowanceWindow(new Date("2026-11-19T12:00:00Z"), "UTC", "week");
    expect(w.start.toISOString()).toBe("2026-11-16T00:00:00.000Z");
    const q = leaderboardRange("quarter", new Date("2026-11-19T12:00:00Z"), "America/Los_Angeles");
    expect(q?.start.toISOString()).toBe("2026-10-01T07:00:00.000Z");
    expect(q && spell(localize(q.label, "en"), PLAIN)).toBe("Q4 2026");
    expect(q && spell(localize(q.label, "zh-CN"), PLAIN)).toBe("2026 年第 4 季度");
    expect(leaderboardRange("all", new Date(), "UTC")).toBeNull();
  });
});

describe("company values", () => {
  const settings = { ...DEFAULT_RECOGNITION_SETTINGS, companyValues: ["ownership", "empathy", "craft"] };

  it("suggests the closest value by edit distance, only for plausible typos", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(closestValue("ownrship", settings.companyValues)).toBe("ownership");
    expect(closestValue("craf", settings.companyValues)).toBe("craft");
    expect(closestValue("banana", settings.companyValues)).toBeNull();
  });

  it("refuses unknown tags and, when required, a missing value", () => {
    expect(() => checkValues(["empathy"], settings)).not.toThrow();
    expect(() => checkValues(["empaty"], settings)).toThrow(/Did you mean #empathy\?/);
    expect(() => checkValues([], { ...settings, valueRequired: true })).toThrow(SpurError);
    try {
      checkValues([], { ...settings, valueRequired: true });
    } catch (err) {
      expect((err as SpurError).code).toBe(ErrorCode.ValueRequired);
    }
    expect(() => checkValues(["anything"], DEFAULT_RECOGNITION_SETTINGS)).not.toThrow();
  });
});

describe("settings parsing and validation", () => {
  it("parses emoji and values", () => {
    const refusal = (parsed: { ok: true } | { ok: false; error: Msg }, locale: Locale = "en") => (parsed.ok ? "" : spell(localize(parsed.error, locale), PLAIN));
    expect(parseEmojiPoints(":star:, tada=3")).toEqual({ ok: true, value: { star: 1, tada: 3 } });
    expect(refusal(parseEmojiPoints("star=0"))).toBe("Points for :star: must be a whole number from 1 to 100.");
    expect(refusal(parseEmojiPoints("star=0"), "zh-CN")).toBe(":star: 的积分必须是 1 到 100 之间的整数。");
    expect(refusal(parseEmojiPoints(""))).toBe("List at least one emoji, e.g. star=1.");
    expect(refusal(parseEmojiPoints("st ar!"))).toContain('"ar!" isn\'t an emoji name');
    expect(parseCompanyValues("#Ownership, empathy ownership")).toEqual({ ok: true, value: ["ownership", "empathy"] });
    expect(refusal(parseCompanyValues("no spaces!"))).toContain("isn't a valid value name");
    expect(refusal(parseCompanyValues("no spaces!"), "zh-CN")).toContain("不是有效的价值观名称");
    expect(refusal(parseCompanyValues(Array.from({ length: 51 }, (_, i) => `v${i}`).join(" ")))).toBe("At most 50 company values, please.");
  });

  it("validates ranges and consistency", () => {
    expect(validateSettings(DEFAULT_RECOGNITION_SETTINGS)).toEqual({});
    const errors = validateSettings({ ...DEFAULT_RECOGNITION_SETTINGS, allowancePoints: 3, maxPointsPerGift: 4, emojiPoints: {}, valueRequired: true });
    expect(Object.keys(errors).sort()).toEqual(["companyValues", "emojiPoints", "maxPointsPerGift"]);
  });

  it("diffs settings for the audit log", () => {
    expect(diffSettings(DEFAULT_RECOGNITION_SETTINGS, { ...DEFAULT_RECOGNITION_SETTINGS, cooldownMinutes: 5 })).toEqual({
      cooldownMinutes: { from: 0, to: 5 },
    });
  });
});
