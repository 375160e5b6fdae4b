// The settings an admin changed are named in their language, never by their field names in the code.
import { describe, expect, it } from "vitest";
import { settingsSaved } from "../../src/use-cases/recognition/settings-saved.ts";
import { summaryOf } from "../../src/use-cases/body.ts";
import { plain } from "../support/neutral-text.ts";

const said = (changed: string[], locale: "en" | "zh-CN") => plain(summaryOf(settingsSaved(changed)), locale);

describe("settingsSaved", () => {
  it("names every setting in English and in Chinese", () => {
    const all = ["recognitionChannelId", "allowancePoints", "allowancePeriod", "maxPointsPerGift", "cooldownMinutes", "emojiPoints", "companyValues", "valueRequired", "leaderboardVisibility", "notifyLead"];
    expect(said(all, "en")).toBe(
      "Recognition settings — Saved: recognition channel, allowance, allowance period, points per gift, cool-down, kudos emoji, company values, value required, leaderboard visibility, and lead notifications.",
    );
    expect(said(all, "zh-CN")).toBe("点赞设置 —— 已保存：表扬频道、积分额度、额度周期、单次点赞积分上限、点赞间隔、点赞表情、公司价值观、必须注明价值观、排行榜可见范围和组长通知。");
  });

  it("says so when nothing changed", () => {
    expect(said([], "en")).toBe("Recognition settings — Nothing changed.");
  });
});
