import { describe, expect, it } from "vitest";
import { isRecognitionAdmin, isSettingsFormCommand } from "../../src/core/recognition/recognition-admin.ts";
import { parseSettingsCommand } from "../../src/core/recognition/settings-command.ts";
import { plainTokens, unescapeEntities } from "../../src/core/shared/command-text.ts";
import { mrkdwn } from "../../src/slack/render/mrkdwn.ts";

/** Settings text as an adapter hands it over, answered in English as Slack shows it (entities read back). */
const parseSettingsText = (text: string) => parseSettingsCommand(plainTokens(text));
const patch = (text: string) => {
  const parsed = parseSettingsText(text);
  if (!parsed.ok) throw parsed.error;
  return parsed.command;
};
const refusal = (text: string) => {
  const parsed = parseSettingsText(text);
  return parsed.ok ? null : typeof parsed.error.reply === "string" ? parsed.error.reply : unescapeEntities(mrkdwn(parsed.error.reply, "en"));
};

describe("settings as text", () => {
  it("leaves settings alone to the settings form, and answers a bare name list with the usage", () => {
    expect(isSettingsFormCommand(plainTokens("settings"))).toBe(true);
    expect(isRecognitionAdmin(plainTokens("settings"))).toBe(false);
    expect(isSettingsFormCommand(plainTokens("settings cooldown 5"))).toBe(false);
    expect(isRecognitionAdmin(plainTokens("settings cooldown 5"))).toBe(true);
    expect(refusal("")).toContain("`/spur settings` opens the settings form");
  });

  it("turns each setting into a patch", () => {
    expect(patch("allowance 8 week")).toEqual({ kind: "set", patch: { allowancePoints: 8, allowancePeriod: "week" } });
    expect(patch("allowance 8")).toEqual({ kind: "set", patch: { allowancePoints: 8 } });
    expect(patch("MAX-POINTS 4")).toEqual({ kind: "set", patch: { maxPointsPerGift: 4 } });
    expect(patch("cooldown 0")).toEqual({ kind: "set", patch: { cooldownMinutes: 0 } });
    expect(patch("emoji star=1, tada=3")).toEqual({ kind: "set", patch: { emojiPoints: { star: 1, tada: 3 } } });
    expect(patch("values #Ownership, empathy")).toEqual({ kind: "set", patch: { companyValues: ["ownership", "empathy"] } });
    expect(patch("values none")).toEqual({ kind: "set", patch: { companyValues: [] } });
    expect(patch("value-required on")).toEqual({ kind: "set", patch: { valueRequired: true } });
    expect(patch("notify-lead off")).toEqual({ kind: "set", patch: { notifyLead: false } });
    expect(patch("leaderboard leads")).toEqual({ kind: "set", patch: { leaderboardVisibility: "leads" } });
  });

  it("refuses malformed values with the usage of that setting", () => {
    expect(refusal("allowance many")).toContain("`/spur settings allowance <points> [day|week]`");
    expect(refusal("allowance 8 month")).toContain("[day|week]");
    expect(refusal("cooldown -5")).toContain("`/spur settings cooldown <whole number>`");
    expect(refusal("values")).toContain("or `none`");
    expect(refusal("value-required maybe")).toContain("on|off");
    expect(refusal("leaderboard nobody")).toContain("everyone|leads");
    expect(refusal("emoji star=0")).toContain("from 1 to 100");
    expect(refusal("colour blue")).toContain("I don't know the setting `colour`");
  });
});
