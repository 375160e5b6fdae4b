// Teams counterpart of the text parts of slack-scorecard ("with targets, periods"): KPI targets set by leads
// and admins, the scorecard's KPI lines, composite and rank for a period, privacy, and KPI administration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { type RosterMember, textOf } from "../support/fake-bot-connector.ts";
import { type Harness } from "../support/spur-harness.ts";
import { TEAMS_ROSTER, TEAMS_USERS } from "../support/teams-activities.ts";
import { cardOf, executeActions, type Say, startTeams, type TeamsChat, type TeamsSetup } from "../support/teams-chat.ts";

// Carl owns the team (the roster says so), so he is a Spur admin; Lee becomes the team's lead.
const { ana, bo, carl, dee } = TEAMS_USERS;
const lee: RosterMember = { id: "29:lee", name: "Lee Lead", aadObjectId: "aad-lee", email: "lee@contoso.com" };
let h: Harness;
let say: Say;
let teams: TeamsSetup;
let chat: TeamsChat;
const ids: Record<string, string> = {};
const clock = new TestClock(new Date("2026-11-25T12:00:00Z"));
const text = async (...args: Parameters<Say>) => textOf(await say(...args));

type Row = { metric: string; date: string; value: number; numerator?: number; denominator?: number; ref?: string };
async function seed(user: RosterMember, rows: Row[]) {
  await h.spur.db.kpiRecord.createMany({
    data: rows.map((r) => ({
      memberId: ids[user.id] as string,
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
  teams = await startTeams({ roster: [...TEAMS_ROSTER, lee], clock, captureLogs: true });
  ({ h } = teams);
  chat = teams.chat;
  say = chat.say;
  await say(carl, ["admin role ", lee, " lead"], "Lee Lead is now a lead");
  // Everyone says something in the team's channel first: a personal chat belongs to the team its person was seen in.
  for (const user of [ana, bo, dee, lee]) await say(user, ["kudos balance"], "You can still give");
  for (const user of [ana, bo, dee, carl, lee]) ids[user.id] = (await h.spur.db.member.findFirstOrThrow({ where: { platformUserId: user.id } })).id;
  // November: ana CSAT 18/20 = 90%, FRT median of 14, 20, 40 = 20 min; bo CSAT 8/10 = 80%, FRT median 60 min;
  // dee only 2/3 CSAT (below the minimum of 5); ana's October CSAT 15/20 = 75%.
  await seed(ana, [csat("2026-11-03", 10, 12), csat("2026-11-17", 8, 8), frt("2026-11-10", 14, "T0"), frt("2026-11-20", 20, "T1"), frt("2026-11-21", 40, "T2"), csat("2026-10-10", 15, 20)]);
  await seed(bo, [csat("2026-11-05", 8, 10), frt("2026-11-05", 30, "T3"), frt("2026-11-06", 60, "T4"), frt("2026-11-07", 60, "T5")]);
  await seed(dee, [csat("2026-11-09", 2, 3)]);
});
afterAll(async () => {
  await teams?.stop();
});

describe("Teams: KPI targets", () => {
  it("lets leads and admins set targets and weights, not agents; everyone can read them", async () => {
    await say(bo, ["admin targets set csat 90"], "Only leads (for their own team) and admins can change KPI targets");
    await say(lee, ["admin targets set csat 90 weight 2"], "(`csat`, higher is better): 90% per month · weight 2");
    await say(carl, ["admin targets set first_response_time 30 min 3"], "First response time");
    await say(lee, ["admin targets set csat 190"], "the target must be 0–100");
    await say(lee, ["admin targets set speed 1"], '"speed" is not a KPI');
    const list = await text(bo, ["admin targets"], "KPI targets for");
    expect(list).toContain("weight 2 (67% of the composite) · min 5 CSAT responses");
    expect(list).toContain("30 min per month · weight 1 (33% of the composite) · min 3 tickets");
    expect(list).not.toContain(":white_check_mark:");
  });
});

describe("Teams: scorecard with targets and periods", () => {
  it("shows each KPI's value, target, attainment, trend and team median, the composite with its trend and the rank, for a month", async () => {
    const card = await text(ana, ["scorecard month"], "Your scorecard — month 2026-11", "personal");
    expect(card).toContain("• **CSAT**: **90%** · target 90% · attainment 100% · ▲ from 75% · team median 85%");
    expect(card).toContain("• **First response time**: **20 min** · target 30 min · attainment 100% · team median 40 min");
    expect(card).toContain("**Composite score:** **100.0** (▲ from 83.3) — rank 1 of 2 in the team");
    const october = await text(ana, ["scorecard 2026-10"], "Your scorecard — month 2026-10", "personal");
    expect(october).toContain("• **CSAT**: **75%** · target 90% · attainment 83%");
    expect(october).not.toContain("from 75%");
  });

  it("inverts lower-is-better KPIs and ranks a lead's team member; too little data is not scored", async () => {
    const boCard = await text(lee, ["scorecard ", bo, " 2026-11"], "Scorecard for Bo Berg — month 2026-11", "personal");
    // CSAT 80/90 = 88.9%, FRT 30/60 = 50%: (2×88.9% + 1×50%) ÷ 3 = 75.9.
    expect(boCard).toContain("• **CSAT**: **80%** · target 90% · attainment 89% · team median 85%");
    expect(boCard).toContain("• **First response time**: **60 min** · target 30 min · attainment 50% · team median 40 min");
    expect(boCard).toContain("**Composite score:** **75.9** — rank 2 of 2 in the team");
    const deeCard = await text(carl, ["scorecard ", dee, " month"], "Scorecard for Dee Diaz", "personal");
    expect(deeCard).toContain("• **CSAT**: _not enough data_ (3 of 5 CSAT responses) · team median 85%");
  });

  it("explains the formula and the inputs of a card when asked, checking privacy again", async () => {
    const explained = await chat.click(lee, "scorecard.explain", { m: ids[bo.id], p: "2026-11" });
    expect(explained.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(explained.text).toContain("Scorecard for Bo Berg");
    expect(explained.text).toContain("How Bo Berg's 2026-11 scorecard is computed");
    expect(explained.text).toContain("Σnumerator ÷ Σdenominator = 8 ÷ 10 = 80%; attainment = min(80% ÷ 90%, 100%) = 89% (weight 2)");
    expect(explained.text).toContain("median of 3 observations = 60 min; attainment = min(30 min ÷ 60 min, 100%) = 50% (weight 1)");
    expect(explained.text).toContain("(2×88.9% CSAT + 1×50% First response time) ÷ 3 = 75.9%");
    // Explained once: the card keeps its other buttons, for the period shown.
    expect(executeActions(explained.value).map((a) => [a.title, a.data.p])).toEqual([
      ["◀ 2026-10", "2026-11"],
      ["Next ▶", "2026-11"],
      ["Send to agent", "2026-11"],
    ]);
    const refused = await chat.click(dee, "scorecard.explain", { m: ids[bo.id], p: "2026-11" });
    expect(refused.text).toContain("Scorecards are private");
    expect(refused.text).not.toContain("Σnumerator");
  });

  it("refuses an agent asking for a colleague's month, logging the attempt, and a period it does not know", async () => {
    await say(dee, ["scorecard ", ana, " month"], "Scorecards are private", "personal");
    expect(h.logs).toContainEqual(
      expect.objectContaining({ event: "scorecard_access_refused", viewerId: ids[dee.id], viewerRole: "agent", subjectId: ids[ana.id] }),
    );
    await say(ana, ["scorecard 2026-13"], 'I didn\'t understand \\"2026-13\\"', "personal");
    await say(ana, ["scorecard month week"], "Only one period at a time", "personal");
  });
});

describe("Teams: scorecard in Chinese", () => {
  it("speaks the workspace's language: title, KPI lines, composite and buttons, and refusals", async () => {
    const workspace = await h.spur.db.workspace.findFirstOrThrow({ where: { platform: "teams" } });
    // Through the repository, which forgets its briefly cached workspace (a direct db.workspace.update would wait for it).
    await h.spur.services.workspaces.setLocale(workspace.id, "zh-CN");
    try {
      const reply = await say(ana, ["scorecard month"], "你的绩效卡 — 2026-11 月", "personal");
      const card = textOf(reply);
      expect(card).toContain("• **客户满意度（CSAT）**：**90%** · 目标 90% · 达成率 100% · ▲ 上期为 75% · 团队中位数 85%");
      expect(card).toContain("**综合得分：****100.0**（▲ 上期为 83.3） — 团队排名第 1 / 2");
      expect(executeActions(cardOf(reply)).map((a) => a.title)).toEqual(["◀ 2026-10", "下一期 ▶", "计算说明"]);
      await say(dee, ["scorecard ", ana], "绩效卡是私密的", "personal");
      const previous = await chat.click(ana, "scorecard.previous", { m: ids[ana.id], p: "2026-11" });
      expect(previous.text).toContain("你的绩效卡 — 2026-10 月");
    } finally {
      await h.spur.services.workspaces.setLocale(workspace.id, "en");
    }
  });
});

describe("Teams: KPI administration", () => {
  it("creates an API token only in a personal chat, lists it by prefix and revokes it", async () => {
    await say(carl, ["admin api-token zendesk-export"], "An API token is a secret shown only once: send it to me in a personal chat with Spur, where only you can see it (`admin api-token <name>`).");
    expect(await h.spur.db.apiToken.count()).toBe(0);
    await say(lee, ["admin api-token zendesk-export"], "Only Spur admins", "personal");
    const created = await text(carl, ["admin api-token zendesk-export"], "copy it now", "personal");
    expect(created).toContain("🔑");
    const token = await h.spur.db.apiToken.findFirstOrThrow();
    expect(created).toContain(token.prefix);
    await say(carl, ["admin api-tokens"], `\`${token.prefix}…\` zendesk-export`);
    await say(carl, [`admin api-token revoke ${token.prefix}`], "requests with it now get 401");
    expect((await h.spur.db.apiToken.findFirstOrThrow()).revokedAt).not.toBeNull();
  });

  it("maps a helpdesk agent to a mentioned Teams member", async () => {
    await say(carl, ["admin helpdesk zendesk agent 9001 ", ana], "Ana Alves");
    const mapping = await h.spur.db.helpdeskAgent.findFirstOrThrow();
    expect(mapping).toMatchObject({ provider: "zendesk", externalId: "9001", memberId: ids[ana.id] });
  });
});
