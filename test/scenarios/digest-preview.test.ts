// The weekly digest's preview on both platforms, held to the same words: what a lead (or an admin) sees of
// last week's digest, with the team's KPIs against their targets, kudos and values; refused to an agent; in
// Chinese for a zh-CN workspace.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, type Person, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

describe.each(PLATFORMS)("digest preview on %s", (platform) => {
  let s: Surface;
  // Wednesday 2 Dec 2026: the preview is of last week, 2026-W48.
  const clock = new TestClock(new Date("2026-12-02T12:00:00Z"));
  const memberId = async (who: Person) =>
    (await s.h.spur.db.member.findFirstOrThrow({ where: { workspaceId: s.workspaceId, platformUserId: who[platform].id } })).id;

  beforeAll(async () => {
    s = await startSurface(platform, { clock });
    await s.settings({ allowancePoints: 50, companyValues: ["ownership", "craft"] });
    clock.set("2026-11-24T10:00:00Z");
    await s.say(carl, "kudos", [ana, " 3 calmed an angry customer #ownership"]);
    await s.say(bo, "kudos", [ana, " 2 covered my shift #craft"]);
    await s.say(ana, "kudos", [dee, " 1 fixed the macro #craft"]);
    clock.set("2026-12-02T12:00:00Z");
    await s.say(carl, "spur", ["role ", dee, " lead"]);
    const team = await s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId } });
    await s.h.spur.db.kpiTarget.create({ data: { teamId: team.id, metric: "csat", target: 90, weight: 1, period: "week" } });
    const csat = (memberId: string, date: string, numerator: number, denominator: number) => ({
      memberId,
      metric: "csat",
      periodDate: new Date(date),
      value: (numerator * 100) / denominator,
      numerator,
      denominator,
      source: "api",
    });
    await s.h.spur.db.kpiRecord.createMany({
      data: [csat(await memberId(ana), "2026-11-24", 9, 10), csat(await memberId(bo), "2026-11-25", 7, 10), csat(await memberId(ana), "2026-11-17", 6, 10)],
    });
  });
  afterAll(() => s?.stop());

  it("refuses an agent", async () => {
    expect((await s.say(bo, "spur", ["digest preview"])).text).toBe("⚠️ Only leads and admins can preview or send the team's digest.");
  });

  it("shows a lead and an admin last week's digest", async () => {
    const preview = await s.say(dee, "spur", ["digest preview"]);
    expect(preview.text).toBe(
      [
        "Weekly digest — Default team, week 2026-W48 (23 Nov – 29 Nov 2026)",
        "Team composite: 88.9% ▲ +22.2 pts vs last week",
        "• CSAT: 80% · target 90% · 88.9% of target · ▲ from 60% (better)",
        "Composite = (1×88.9% CSAT) ÷ 1 = 88.9%",
        "Top movers",
        "⬆️ Ana Alves +33.3 pts (now 100%)",
        "3 kudos worth 6 points from 3 people.",
        "Most recognised",
        "🥇 Ana Alves — 5 points (2 kudos)",
        "🥈 Dee Diaz — 1 point (1 kudos)",
        "Values: #craft ×2 · #ownership ×1",
        "Feedback: no feedback requests · no recognition prompts",
      ].join("\n"),
    );
    expect((await s.say(carl, "spur", ["digest preview"])).text).toBe(preview.text);
  });

  it("in Chinese for a zh-CN workspace", async () => {
    await s.setLocale("zh-CN");
    const preview = await s.say(dee, "spur", ["digest preview"]);
    expect(preview.text).toBe(
      [
        "周报 — Default team，2026-W48（11月23日 – 2026年11月29日）",
        "团队综合得分：88.9% 较上周▲ +22.2 分",
        "• 满意度：80% · 目标 90% · 达成目标的 88.9% · ▲ 上周 60%（变好）",
        "综合得分 = (1×88.9% 客户满意度（CSAT）) ÷ 1 = 88.9%",
        "进步与退步最大",
        "⬆️ Ana Alves +33.3 分（现为 100%）",
        "3 位同事送出了 3 次点赞，共 6 积分。",
        "最受认可",
        "🥇 Ana Alves — 5 积分（2 次点赞）",
        "🥈 Dee Diaz — 1 积分（1 次点赞）",
        "价值观：#craft ×2 · #ownership ×1",
        "反馈：没有反馈请求 · 没有点赞提醒",
      ].join("\n"),
    );
  });
});
