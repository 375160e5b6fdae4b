import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitFeedback } from "../../src/core/feedback/feedback.ts";
import { toMember } from "../../src/store/mappers.ts";
import { TestClock } from "../support/clock.ts";
import { ephemeralReply } from "../support/ephemeral-reply.ts";
import { startHarness, TEAM_ID, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
// Wednesday of ISO week 2026-W47 (16–22 Nov) in UTC, the default team time zone.
const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS, clock, captureLogs: true });
});
afterAll(async () => {
  await h?.stop();
});

const say = (user: string, command: string, text: string, expectText: string) => ephemeralReply(h, user, command, text, expectText);

describe("/scorecard", () => {
  beforeAll(async () => {
    // Last week: bo → ana 2 points. This week: carl → ana 3, ana → bo 1.
    clock.set("2026-11-11T10:00:00Z");
    await say(USERS.bo.id, "/kudos", `${esc(USERS.ana)} 2 took my escalations`, "Kudos sent");
    clock.set("2026-11-17T10:00:00Z");
    await say(USERS.carl.id, "/kudos", `${esc(USERS.ana)} 3 calmed an angry customer`, "Kudos sent");
    await say(USERS.ana.id, "/kudos", `${esc(USERS.bo)} wrote the refund macro`, "Kudos sent");
    clock.set("2026-11-18T12:00:00Z");
    const ana = await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: USERS.ana.id } });
    await h.spur.db.kpiRecord.createMany({
      data: [
        { memberId: ana.id, metric: "csat", periodDate: new Date("2026-11-17"), value: 92.5, source: "zendesk" },
        { memberId: ana.id, metric: "first_response_time", periodDate: new Date("2026-11-16"), value: 14, source: "zendesk" },
        // Previous week: not on this week's card.
        { memberId: ana.id, metric: "csat", periodDate: new Date("2026-11-13"), value: 70, source: "zendesk" },
      ],
    });
  });

  it("shows your own scorecard: this week's kudos against last week's, and this week's KPIs", async () => {
    const call = await say(USERS.ana.id, "/scorecard", "", "Your scorecard");
    const body = JSON.stringify(call.args.blocks);
    expect(body).toContain("2026-W47");
    expect(body).toContain("*Kudos received:* 1 kudos, 3 points (▲ from 2)");
    expect(body).toContain("*Kudos given:* 1 kudos, 1 point (▲ from 0)");
    expect(body).toContain("`csat` 2026-11-17: *92.50*");
    expect(body).toContain("`first_response_time` 2026-11-16: *14*");
    expect(body).not.toContain("*70*");
  });

  it("shows the month's peer feedback, keeping a lone anonymous answer hidden", async () => {
    const services = h.spur.services;
    const member = async (id: string) => toMember(await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: id } }));
    const [ana, bo, carl] = await Promise.all([member(USERS.ana.id), member(USERS.bo.id), member(USERS.carl.id)]);
    const { workspace, defaultTeam } = await services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: "UTC" });
    const dims = await services.feedback.dimensions(workspace.id);
    const ratings = Object.fromEntries(dims.map((d) => [d.key, 4]));
    const give = (giver: typeof ana, visibility: "named" | "anonymous", score: number) =>
      submitFeedback(services, {
        workspace,
        giver,
        subject: ana,
        team: defaultTeam,
        draft: { ratings: Object.fromEntries(Object.keys(ratings).map((k) => [k, score])), keepDoing: "clear notes", improve: null, visibility },
        requestId: null,
        now: clock.now(),
      });
    await give(bo, "named", 4);
    await give(carl, "anonymous", 1);
    const call = await say(USERS.ana.id, "/scorecard", "", "Your scorecard");
    const body = JSON.stringify(call.args.blocks);
    expect(body).toContain("Peer feedback — November 2026");
    expect(body).toContain("overall *4.0* / 5 (1 answer)");
    expect(body).toContain("Anonymous answers count once 3 people have given them.");
  });

  it("refuses an agent looking at a colleague's scorecard", async () => {
    await say(USERS.bo.id, "/scorecard", esc(USERS.ana), "Scorecards are private");
  });

  it("lets a lead of the same team see a member's scorecard once an admin made them lead", async () => {
    await say(USERS.carl.id, "/scorecard", esc(USERS.ana), "Scorecards are private");
    await say(USERS.carl.id, "/spur", `role ${esc(USERS.carl)} lead`, "Only Spur admins");
    await say(USERS.admin.id, "/spur", `role ${esc(USERS.carl)} lead`, "carl is now a lead");
    const call = await say(USERS.carl.id, "/scorecard", esc(USERS.ana), "Scorecard for ana");
    expect(JSON.stringify(call.args.blocks)).toContain("3 points");
  });

  it("lets an admin see anyone's scorecard", async () => {
    await say(USERS.admin.id, "/scorecard", esc(USERS.bo), "Scorecard for bo");
  });

  it("explains a malformed argument", async () => {
    await say(USERS.ana.id, "/scorecard", "everyone", 'I didn\'t understand \\"everyone\\"');
  });
});

describe("/scorecard with targets, periods and buttons", () => {
  const ids: Record<string, string> = {};
  type Row = { metric: string; date: string; value: number; numerator?: number; denominator?: number; ref?: string };
  async function seed(user: string, rows: Row[]) {
    await h.spur.db.kpiRecord.createMany({
      data: rows.map((r) => ({
        memberId: ids[user] as string,
        metric: r.metric,
        periodDate: new Date(r.date),
        value: r.value,
        numerator: r.numerator ?? null,
        denominator: r.denominator ?? null,
        source: "api",
        ref: r.ref ?? "",
      })),
    });
  }
  const csat = (date: string, numerator: number, denominator: number): Row => ({ metric: "csat", date, value: (numerator * 100) / denominator, numerator, denominator });
  const frt = (date: string, value: number, ref: string): Row => ({ metric: "first_response_time", date, value, ref });

  beforeAll(async () => {
    await say(USERS.dee.id, "/scorecard", "", "Your scorecard");
    for (const user of [USERS.ana, USERS.bo, USERS.dee, USERS.carl]) {
      ids[user.id] = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: user.id } })).id;
    }
    // November: ana CSAT 18/20 = 90%, FRT median of 14 (earlier record), 20, 40 = 20 min;
    // bo CSAT 8/10 = 80%, FRT median of 30, 60, 60 = 60 min; dee only 2/3 CSAT (below the minimum of 5).
    await seed(USERS.ana.id, [csat("2026-11-03", 10, 12), csat("2026-11-17", 8, 8), frt("2026-11-20", 20, "T1"), frt("2026-11-21", 40, "T2"), csat("2026-10-10", 15, 20)]);
    await seed(USERS.bo.id, [csat("2026-11-05", 8, 10), frt("2026-11-05", 30, "T3"), frt("2026-11-06", 60, "T4"), frt("2026-11-07", 60, "T5")]);
    await seed(USERS.dee.id, [csat("2026-11-09", 2, 3)]);
  });

  it("lets leads and admins set targets and weights, not agents; everyone can read them", async () => {
    await say(USERS.bo.id, "/spur", "targets set csat 90", "Only leads (for their own team) and admins can change KPI targets");
    await say(USERS.carl.id, "/spur", "targets set csat 90 weight 2", "*CSAT* (`csat`, higher is better): 90% per month · weight 2");
    await say(USERS.admin.id, "/spur", "targets set first_response_time 30 min 3", "First response time");
    await say(USERS.carl.id, "/spur", "targets set csat 190", "the target must be 0–100");
    await say(USERS.carl.id, "/spur", "targets set speed 1", '\\"speed\\" is not a KPI');
    const list = await say(USERS.bo.id, "/spur", "targets", "KPI targets for Default team");
    const listed = JSON.stringify(list.args.blocks);
    expect(listed).toContain("• *CSAT* (`csat`, higher is better): 90% per month · weight 2 (67% of the composite) · min 5 CSAT responses");
    expect(listed).toContain("30 min per month · weight 1 (33% of the composite) · min 3 tickets");
    await say(USERS.bo.id, "/spur", "targets remove csat", "Only leads (for their own team) and admins can change KPI targets");
  });

  it("shows each KPI's value, target, attainment, trend and team median, the composite and the rank", async () => {
    const call = await say(USERS.ana.id, "/scorecard", "month", "Your scorecard — month 2026-11");
    const text = JSON.stringify(call.args.blocks);
    expect(text).toContain("• *CSAT*: *90%* · target 90% · attainment 100% · ▲ from 75% · team median 85%");
    expect(text).toContain("• *First response time*: *20 min* · target 30 min · attainment 100% · team median 40 min");
    // October under the same targets: CSAT 75% ÷ 90% = 83.3%, no first-response data.
    expect(text).toContain("*Composite score:* *100.0* (▲ from 83.3) — rank 1 of 2 in the team");
  });

  it("inverts lower-is-better KPIs and ranks a lead's team member; too little data is not scored", async () => {
    const bo = JSON.stringify((await say(USERS.carl.id, "/scorecard", `${esc(USERS.bo)} 2026-11`, "Scorecard for bo")).args.blocks);
    // CSAT 80/90 = 88.9%, FRT 30/60 = 50%: (2×88.9% + 1×50%) ÷ 3 = 75.9.
    expect(bo).toContain("• *CSAT*: *80%* · target 90% · attainment 89%");
    expect(bo).toContain("• *First response time*: *60 min* · target 30 min · attainment 50%");
    expect(bo).toContain("*Composite score:* *75.9* — rank 2 of 2 in the team");
    const dee = JSON.stringify((await say(USERS.admin.id, "/scorecard", `${esc(USERS.dee)} month`, "Scorecard for dee")).args.blocks);
    expect(dee).toContain("• *CSAT*: _not enough data_ (3 of 5 CSAT responses) · team median 85%");
    expect(dee).toContain("_not enough data or no targets yet_");
  });

  it("refuses an agent asking for a colleague's month, logging the attempt, and a period it does not know", async () => {
    await say(USERS.dee.id, "/scorecard", `${esc(USERS.ana)} month`, "Scorecards are private");
    expect(h.logs).toContainEqual(
      expect.objectContaining({ event: "scorecard_access_refused", viewerId: ids[USERS.dee.id], viewerRole: "agent", subjectId: ids[USERS.ana.id] }),
    );
    await say(USERS.ana.id, "/scorecard", "2026-13", 'I didn\'t understand \\"2026-13\\"');
    await say(USERS.ana.id, "/scorecard", "month week", "Only one period at a time");
  });

  async function click(user: string, actionId: string, subject: string, period: string) {
    const responseId = `click-${actionId}-${user}-${period}-${Math.random().toString(36).slice(2)}`;
    const res = await h.clickButton({ user }, { actionId, value: JSON.stringify({ m: ids[subject], p: period }) }, responseId);
    expect(res.status).toBe(200);
    const response = await h.slack.waitFor(() => h.slack.responses.find((r) => r.path === `/response/${responseId}`));
    return response.body;
  }

  it("moves to the previous and next period with buttons, replacing the card", async () => {
    const previous = await click(USERS.ana.id, "scorecard_previous", USERS.ana.id, "2026-11");
    expect(previous.replace_original).toBe(true);
    expect(String(previous.text)).toContain("Your scorecard — month 2026-10");
    expect(JSON.stringify(previous.blocks)).toContain("• *CSAT*: *75%* · target 90% · attainment 83%");
    const next = await click(USERS.ana.id, "scorecard_next", USERS.ana.id, "2026-10");
    expect(String(next.text)).toContain("month 2026-11");
    const week = await click(USERS.ana.id, "scorecard_next", USERS.ana.id, "2026-W47");
    expect(String(week.text)).toContain("week 2026-W48");
  });

  it("explains the formula and the inputs", async () => {
    const explained = await click(USERS.carl.id, "scorecard_explain", USERS.bo.id, "2026-11");
    // The explanation goes under the card it explains (the card stays, without its Explain button).
    expect(explained.replace_original).toBe(true);
    expect(String(explained.text)).toContain("Scorecard for bo");
    const text = JSON.stringify(explained.blocks);
    expect(text).toContain("Σnumerator ÷ Σdenominator = 8 ÷ 10 = 80%; attainment = min(80% ÷ 90%, 100%) = 89% (weight 2)");
    expect(text).toContain("median of 3 observations = 60 min; attainment = min(30 min ÷ 60 min, 100%) = 50% (weight 1)");
    expect(text).toContain("(2×88.9% CSAT + 1×50% First response time) ÷ 3 = 75.9%");
  });

  it("checks privacy again on every click", async () => {
    const refused = await click(USERS.bo.id, "scorecard_previous", USERS.ana.id, "2026-11");
    expect(String(refused.text)).toContain("Scorecards are private");
  });

  it("lets a lead send the card to the agent privately", async () => {
    const since = h.slack.calls.length;
    const sent = await click(USERS.carl.id, "scorecard_send", USERS.bo.id, "2026-11");
    expect(String(sent.text)).toContain("Sent to bo privately");
    const dm = h.slack.calls.slice(since).find((c) => c.method === "chat.postMessage" && c.args.channel === `D${USERS.bo.id}`);
    expect(String(dm?.args.text)).toContain("Your scorecard — month 2026-11");
  });

  it("edits targets in a modal for leads, with errors shown in the form", async () => {
    await say(USERS.bo.id, "/spur", "targets edit", "Only leads (for their own team) and admins");
    const since = h.slack.calls.length;
    expect((await h.command("/spur", "targets edit", { user: USERS.carl.id, triggerId: "trigger-targets" })).status).toBe(200);
    const opened = await h.slack.waitFor(() => h.slack.calls.slice(since).find((c) => c.method === "views.open"));
    expect(opened.args.trigger_id).toBe("trigger-targets");
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { initial_value?: string } }[] };
    expect(view.callback_id).toBe("kpi_targets");
    expect(view.blocks.find((b) => b.block_id === "target:csat")?.element?.initial_value).toBe("90");
    expect(view.blocks.find((b) => b.block_id === "weight:csat")?.element?.initial_value).toBe("2");

    const values = (fields: Record<string, string | null>) =>
      Object.fromEntries(Object.entries(fields).map(([blockId, value]) => [blockId, { value: { type: "number_input", value } }]));
    const invalid = await h.submitView({ user: USERS.carl.id }, {
      callbackId: "kpi_targets",
      privateMetadata: view.private_metadata,
      values: values({ "target:csat": "150", "weight:csat": "2", "target:qa_score": null, "weight:qa_score": "3" }),
    });
    expect(JSON.parse(invalid.body)).toEqual({
      response_action: "errors",
      errors: { "target:csat": "A percentage target is 0–100.", "target:qa_score": "Give a target, or clear the weight too." },
    });
    const forged = await h.submitView({ user: USERS.bo.id }, { callbackId: "kpi_targets", privateMetadata: view.private_metadata, values: values({}) });
    expect(forged.body).toContain("Only leads (for their own team) and admins");

    const saved = h.slack.calls.length;
    const ok = await h.submitView({ user: USERS.carl.id }, {
      callbackId: "kpi_targets",
      privateMetadata: view.private_metadata,
      values: values({ "target:csat": "90", "weight:csat": "2", "target:first_response_time": "30", "target:qa_score": "85", "weight:qa_score": "1" }),
    });
    expect(ok.status).toBe(200);
    const confirmation = await h.slack.waitFor(() =>
      h.slack.calls.slice(saved).find((c) => c.method === "chat.postEphemeral" && c.args.user === USERS.carl.id),
    );
    expect(String(confirmation.args.text)).toContain("Saved.");
    expect(JSON.stringify(confirmation.args.blocks)).toContain("*QA score* (`qa_score`, higher is better): 85 pts per month · weight 1 (25% of the composite)");
    const targets = await h.spur.db.kpiTarget.findMany({ orderBy: { metric: "asc" } });
    expect(targets.map((t) => [t.metric, t.target, t.weight, t.minVolume])).toEqual([
      ["csat", 90, 2, null],
      ["first_response_time", 30, 1, 3],
      ["qa_score", 85, 1, null],
    ]);
  });
});

describe("/scorecard in Chinese", () => {
  it("speaks the workspace's language: title, kudos, KPI lines, composite, buttons and the next period", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { externalId: TEAM_ID } });
    // Through the repository, which forgets its briefly cached workspace (a direct db.workspace.update would wait for it).
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const call = await say(USERS.ana.id, "/scorecard", "month", "你的绩效卡 — 2026-11 月 截至目前（11月1日 – 2026年11月30日，第 18/30 天）");
      const body = JSON.stringify(call.args.blocks);
      expect(body).toContain("*收到的点赞：*");
      expect(body).toContain("• *客户满意度（CSAT）*：*90%* · 目标 90% · 达成率 100% · ▲ 上期为 75% · 团队中位数 85%");
      expect(body).toContain("• *首次响应时间*：*20 分钟* · 目标 30 分钟 · 达成率 100% · 团队中位数 40 分钟");
      expect(body).toContain("*综合得分：**100.0*（▲ 上期为 83.3） — 团队排名第 1 / 2");
      expect(body).toContain("同事反馈 — 2026年11月");
      expect(body).toContain("下一期 ▶");
      expect(body).not.toContain("Your scorecard");
      await say(USERS.bo.id, "/scorecard", esc(USERS.ana), "绩效卡是私密的");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});
