import { describe, expect, it } from "vitest";
import { aggregateFeedback, effectiveThreshold, validateFeedbackForm } from "../../src/core/feedback/feedback.ts";
import { parseFeedbackCommand } from "../../src/core/feedback/feedback-command.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";
import type { FeedbackStats } from "../../src/core/feedback/feedback-model.ts";
import { monthByKey, monthContaining } from "../../src/core/feedback/feedback-period.ts";
import { reminderAt, resolveDue } from "../../src/core/feedback/feedback-request.ts";
import { isPromptCommand, parsePromptCommand } from "../../src/core/recognition/prompt-command.ts";
import { plainTokens } from "../../src/core/shared/command-text.ts";
import { recognitionPromptCron } from "../../src/core/recognition/recognition-prompts.ts";

/** Slack command text, tokenised as the Slack adapter does, then parsed by the core. */
const parseFeedbackText = (text: string) => parseFeedbackCommand(slackCommandTokens(text));

const dims = [
  { id: "d1", key: "helpfulness", label: "Helpfulness" },
  { id: "d2", key: "knowledge", label: "Knowledge" },
];

describe("validateFeedbackForm", () => {
  it("accepts a full form and trims comments", () => {
    const r = validateFeedbackForm(dims, { ratings: { helpfulness: "5", knowledge: "1" }, keepDoing: "  calm  ", improve: "", visibility: "named" });
    expect(r).toEqual({ ok: true, draft: { ratings: { helpfulness: 5, knowledge: 1 }, keepDoing: "calm", improve: null, visibility: "named" } });
  });

  it("names every bad field", () => {
    const r = validateFeedbackForm(dims, { ratings: { helpfulness: "6", knowledge: undefined }, keepDoing: "x".repeat(1001), improve: null, visibility: "public" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["keep_doing", "rating:helpfulness", "rating:knowledge", "visibility"]);
  });
});

describe("aggregateFeedback", () => {
  const stats = (anonymousAnswers: number): FeedbackStats => ({
    named: { answers: 1, dimensions: [{ key: "helpfulness", label: "Helpfulness", sum: 4, count: 1 }] },
    anonymous: { answers: anonymousAnswers, dimensions: [{ key: "helpfulness", label: "Helpfulness", sum: 2 * anonymousAnswers, count: anonymousAnswers }] },
  });

  it("leaves anonymous answers out entirely below the threshold", () => {
    const a = aggregateFeedback(stats(2), 3, "2026-11");
    expect(a).toMatchObject({ answers: 1, overall: 4, anonymousShown: false });
    expect(a.dimensions).toEqual([{ key: "helpfulness", label: "Helpfulness", mean: 4, count: 1 }]);
  });

  it("includes them from the threshold on", () => {
    expect(aggregateFeedback(stats(3), 3, "2026-11")).toMatchObject({ answers: 4, overall: 2.5, anonymousShown: true });
  });

  it("never lets the threshold go below 3", () => {
    expect(effectiveThreshold(1)).toBe(3);
    expect(effectiveThreshold(5)).toBe(5);
  });
});

describe("parseFeedbackText", () => {
  it("parses the forms of /feedback", () => {
    expect(parseFeedbackText("<@UANA|ana>")).toEqual({ ok: true, command: { kind: "give", subject: { kind: "id", id: "UANA" } } });
    expect(parseFeedbackText("request <@UANA> from <@UBO>, <@UDEE> due 2026-12-01")).toEqual({
      ok: true,
      command: {
        kind: "request",
        subject: { kind: "id", id: "UANA" },
        from: [{ kind: "id", id: "UBO" }, { kind: "id", id: "UDEE" }],
        due: { kind: "date", date: "2026-12-01" },
      },
    });
    expect(parseFeedbackText("request @ana due fri")).toMatchObject({ ok: true, command: { from: "team", due: { kind: "weekday", isoDay: 5 } } });
    expect(parseFeedbackText("mine")).toEqual({ ok: true, command: { kind: "mine" } });
    expect(parseFeedbackText("dimensions add empathy Empathy &amp; care")).toMatchObject({ ok: true, command: { action: { kind: "add", key: "empathy", label: "Empathy & care" } } });
  });

  it("explains what it can't parse", () => {
    expect(parseFeedbackText("request")).toMatchObject({ ok: false, error: { code: "unknown_argument" } });
    expect(parseFeedbackText("request @ana from")).toMatchObject({ ok: false, error: { code: "no_peers" } });
    expect(parseFeedbackText("request @ana due soon")).toMatchObject({ ok: false, error: { code: "invalid_due_date" } });
    expect(parseFeedbackText("threshold 2")).toMatchObject({ ok: false, error: { code: "invalid_threshold" } });
    expect(parseFeedbackText("dimensions add X!")).toMatchObject({ ok: false, error: { code: "invalid_dimension" } });
    expect(parseFeedbackText("everyone")).toMatchObject({ ok: false, error: { code: "unknown_argument" } });
  });
});

describe("due dates and reminders", () => {
  const now = new Date("2026-11-18T12:00:00Z"); // a Wednesday

  it("resolves due dates to the end of the local day", () => {
    expect(resolveDue({ kind: "date", date: "2026-11-25" }, now, "Europe/Berlin").toISOString()).toBe("2026-11-25T23:00:00.000Z");
    expect(resolveDue({ kind: "weekday", isoDay: 3 }, now, "UTC").toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(resolveDue(null, now, "UTC").toISOString()).toBe("2026-11-26T00:00:00.000Z");
    expect(() => resolveDue({ kind: "date", date: "2026-11-17" }, now, "UTC")).toThrow(/today or later/);
    expect(() => resolveDue({ kind: "date", date: "2027-06-01" }, now, "UTC")).toThrow(/within 60 days/);
  });

  it("reminds a day before, or halfway when the due date is close", () => {
    expect(reminderAt(now, new Date("2026-11-26T00:00:00Z")).toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect(reminderAt(now, new Date("2026-11-19T00:00:00Z")).toISOString()).toBe("2026-11-18T18:00:00.000Z");
  });
});

describe("periods and schedules", () => {
  it("uses calendar months in the team's time zone", () => {
    expect(monthContaining(new Date("2026-11-30T23:30:00Z"), "Europe/Berlin").key).toBe("2026-12");
    expect(monthByKey("2026-02", "UTC")?.end.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(monthByKey("2026-13", "UTC")).toBeNull();
  });

  it("turns a prompt schedule into a cron pattern in the team's zone", () => {
    expect(recognitionPromptCron({ enabled: true, day: 7, minuteOfDay: 9 * 60 + 5 }, "Asia/Tokyo")).toEqual({ pattern: "0 5 9 * * 0", timeZone: "Asia/Tokyo" });
  });

  it("parses /spur prompts", () => {
    expect(parsePromptCommand(plainTokens("prompts off"))).toEqual({ ok: true, command: { kind: "member", optedOut: true } });
    expect(parsePromptCommand(plainTokens("prompts team on"))).toEqual({ ok: true, command: { kind: "team", team: null, enabled: true } });
    expect(parsePromptCommand(plainTokens("prompts schedule fri 15:00"))).toEqual({ ok: true, command: { kind: "schedule", team: null, day: 5, minuteOfDay: 900 } });
    expect(parsePromptCommand(plainTokens("prompts sometimes"))).toMatchObject({ ok: false });
  });

  it("parses spur team <name> prompts …, a whole team's prompt by the team's name", () => {
    expect(isPromptCommand(plainTokens("team Tier 2 prompts schedule thu 16:30"))).toBe(true);
    expect(isPromptCommand(plainTokens("team Tier 2 timezone UTC"))).toBe(false);
    expect(isPromptCommand(plainTokens("team create prompts"))).toBe(false);
    expect(parsePromptCommand(plainTokens("team Tier 2 prompts schedule thu 16:30"))).toEqual({ ok: true, command: { kind: "schedule", team: "Tier 2", day: 4, minuteOfDay: 990 } });
    expect(parsePromptCommand(plainTokens("team 一线客服 prompts off"))).toEqual({ ok: true, command: { kind: "team", team: "一线客服", enabled: false } });
    expect(parsePromptCommand(plainTokens("team Tier 2 prompts schedule someday"))).toMatchObject({ ok: false });
    expect(parsePromptCommand(plainTokens("team Tier 2 prompts team off"))).toMatchObject({ ok: false });
  });
});
