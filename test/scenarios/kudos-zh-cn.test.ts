// Kudos in Simplified Chinese on both platforms: a member whose own chat language is zh-CN (Slack: the locale the
// roster sync reads at install; Teams: the activity's locale) in an English workspace, then the whole workspace
// switched to zh-CN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { syncRoster } from "../support/roster.ts";
import { PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

describe.each(PLATFORMS)("kudos in zh-CN on %s", (platform) => {
  let s: Surface;
  const clock = new TestClock(new Date("2026-11-25T10:00:00Z"));

  beforeAll(async () => {
    s = await startSurface(platform, { clock, memberLocales: { dee: "zh-CN" } });
    if (platform === "slack") await syncRoster(s.h);
    await s.settings({ allowancePoints: 50 });
  });
  afterAll(() => s?.stop());

  describe("a zh-CN member in an English workspace", () => {
    it("answers them in Chinese", async () => {
      const sent = await s.say(dee, "kudos", [ana, " 3 帮我处理了升级工单"]);
      expect(sent.text.split("\n").slice(0, 2)).toEqual(["🎉 点赞已送出！Ana Alves获得 3 分。", "帮我处理了升级工单"]);
      expect(sent.text).toContain("你今天还可以送出 47 分。");
      const refused = await s.say(dee, "kudos", [dee, " 1 自己"]);
      expect(refused.text).toBe("⚠️ 不能给自己点赞 —— 来自同事的认可才最有意义。");
    });

    it("still answers everyone else in English", async () => {
      const sent = await s.say(bo, "kudos", [ana, " 2 covered my queue"]);
      expect(sent.text).toContain("🎉 Kudos sent! Ana Alves got 2 points.");
    });
  });

  describe("a zh-CN workspace", () => {
    beforeAll(() => s.setLocale("zh-CN"));
    afterAll(() => s.setLocale("en"));

    it("confirms kudos in Chinese", async () => {
      const sent = await s.say(carl, "kudos", [ana, bo, " 2 一起清完了周末积压的工单"]);
      expect(sent.text.split("\n")[0]).toBe("🎉 点赞已送出！Ana Alves和Bo Berg每人获得 2 分。");
      expect(sent.text).toContain("你今天还可以送出 46 分。");
    });

    it("shows the balance in Chinese", async () => {
      const balance = await s.say(carl, "kudos", ["balance"]);
      expect(balance.text).toBe("你今天还可以送出 46 分（已用 4 / 50）。额度将于 11月26日周四 00:00（UTC 时间） 重置。");
    });

    it("refuses in Chinese", async () => {
      const refused = await s.say(carl, "kudos", [ana, " 9 太棒了"]);
      expect(refused.text).toBe("⚠️ 积分必须是 1 到 5 之间的整数（你写的是 9）。");
      const noReason = await s.say(carl, "kudos", [ana, " 2"]);
      expect(noReason.text).toBe("⚠️ 请说明他们做了什么 —— 点赞需要理由，例如 kudos @ana saved the Acme renewal。");
    });
  });
});
