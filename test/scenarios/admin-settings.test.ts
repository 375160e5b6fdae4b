// Administration on both platforms, held to the same words: the team's channel and status, the time zone and
// digest schedule, recognition settings changed by command (and the rule they change), a non-admin refused,
// and the workspace switched to zh-CN, after which Spur answers in Chinese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { HERE, PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl } = PEOPLE;

describe.each(PLATFORMS)("admin settings on %s", (platform) => {
  let s: Surface;
  // A channel link as each platform shows it: Slack names it, a Teams card says which one it is read in.
  const general = { en: platform === "slack" ? "#general" : "this channel", "zh-CN": platform === "slack" ? "#general" : "本频道" };
  const clock = new TestClock(new Date("2026-11-25T10:00:00Z"));

  beforeAll(async () => {
    s = await startSurface(platform, { clock });
  });
  afterAll(() => s?.stop());

  it("sets the team's channel, time zone and digest schedule, and shows them in the status", async () => {
    expect((await s.say(carl, "spur", ["channel ", HERE])).text).toBe(`✅ Shoutouts and the weekly digest for Default team now go to ${general.en}.`);
    expect((await s.say(carl, "spur", ["timezone Europe/Berlin"])).text).toBe(
      "✅ Default team now runs on Europe/Berlin time: weeks, allowances and the digest follow it.",
    );
    expect((await s.say(carl, "spur", ["digest friday 16:00"])).text).toBe("✅ The weekly digest for Default team is posted on Fridays at 16:00 (Europe/Berlin).");
    const status = await s.say(carl, "spur", ["status"]);
    expect(status.text).toBe(`Scheduled posts for Default team → ${general.en}, Fridays 16:00 (Europe/Berlin).\nNothing has been posted yet.`);
  });

  it("changes a recognition setting by command, and the rule follows it", async () => {
    expect((await s.say(carl, "spur", ["settings max-points 3"])).text).toBe("✅ Recognition settings — Saved: maxPointsPerGift.");
    expect((await s.say(ana, "kudos", [bo, " 4 covered my queue"])).text).toBe("⚠️ Points must be a whole number from 1 to 3 (you wrote 4).");
    expect((await s.say(carl, "spur", ["settings allowance 8 week"])).text).toBe("✅ Recognition settings — Saved: allowancePoints, allowancePeriod.");
    const balance = await s.say(ana, "kudos", ["balance"]);
    expect(balance.text).toBe("You can still give 8 points this week (0 of 8 used). Your allowance resets at 00:00 Mon 30 Nov (Europe/Berlin time).");
  });

  it("explains a setting it doesn't know, with how to change each one", async () => {
    const reply = await s.say(carl, "spur", ["settings bogus"]);
    expect(reply.text).toBe(
      [
        "⚠️ I don't know the setting bogus.",
        "Recognition settings (workspace admins): admin settings opens the settings form; change one with",
        "• admin settings allowance 8 day|week — points each person can give per day or week",
        "• admin settings max-points 4 — most points in one gift",
        "• admin settings cooldown 30 — minutes between two gifts to the same person (0 = none)",
        "• admin settings emoji star=1, tada=3 — reactions that give kudos",
        "• admin settings values #ownership, empathy (or none) and admin settings value-required on|off",
        "• admin settings leaderboard everyone|leads — who can see the leaderboard",
        "• admin settings notify-lead on|off — tell a recipient's lead about their kudos",
      ].join("\n"),
    );
  });

  it("refuses a non-admin and changes nothing", async () => {
    const refusal = "⚠️ Only Spur admins can change settings. Ask a workspace admin.";
    for (const said of ["settings max-points 5", "timezone Asia/Shanghai", "locale zh-CN", "status"]) {
      expect((await s.say(bo, "spur", [said])).text).toBe(refusal);
    }
    const settings = await s.h.spur.services.recognitionSettings.get(s.workspaceId);
    expect(settings.maxPointsPerGift).toBe(3);
    expect((await s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId } })).timeZone).toBe("Europe/Berlin");
  });

  describe("the workspace in zh-CN", () => {
    afterAll(() => s.setLocale("en"));

    it("shows the language, and switches it for an admin", async () => {
      expect((await s.say(carl, "spur", ["locale"])).text).toBe("✅ Spur speaks English (en) in this workspace. Change it with admin locale en|zh-CN.");
      expect((await s.say(carl, "spur", ["locale zh-CN"])).text).toBe(
        "✅ Spur now speaks Simplified Chinese (zh-CN) in this workspace. Members whose own chat language Spur knows keep theirs.",
      );
    });

    it("answers in Chinese afterwards: status, settings, refusals and kudos", async () => {
      const status = await s.say(carl, "spur", ["status"]);
      expect(status.text).toBe(`Default team 的定时发布 → ${general["zh-CN"]}，每周五 16:00（Europe/Berlin）。\n还没有发布过任何内容。`);
      expect((await s.say(carl, "spur", ["settings max-points 2"])).text).toBe("✅ 点赞设置 —— 已保存：maxPointsPerGift。");
      expect((await s.say(bo, "spur", ["settings max-points 5"])).text).toBe("⚠️ 只有 Spur 管理员可以修改设置，请联系工作区管理员。");
      expect((await s.say(carl, "spur", ["locale fr"])).text).toBe("⚠️ 用法：admin locale en|zh-CN —— Spur 在本工作区使用的语言。");
      expect((await s.say(ana, "kudos", [bo, " 3 帮我处理了升级工单"])).text).toBe("⚠️ 积分必须是 1 到 2 之间的整数（你写的是 3）。");
    });
  });
});
