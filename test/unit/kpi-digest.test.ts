import { describe, expect, it } from "vitest";
import { compositeChange } from "../../src/use-cases/posts/post-wording.ts";
import { feedbackPhrase as feedbackMsg, teamKpiPhrase as teamKpiMsg, weeklyDigestTitle } from "../../src/use-cases/posts/weekly-digest-body.ts";
import { trendChart } from "../../src/use-cases/posts/trend-chart.ts";
import { msg } from "../../src/i18n/message.ts";
import { agentWeeks, groupByMember, kpiTrend, teamKpis, topMovers } from "../../src/core/digests/kpi-digest.ts";
import type { KpiTarget, TeamKpiRecord } from "../../src/core/kpi/kpi-ports.ts";
import { judgedSpan } from "../../src/core/kpi/target-span.ts";
import { weekByKey } from "../../src/core/shared/period.ts";
import { CHART_HEIGHT, CHART_WIDTH, renderTrendChartPng } from "../../src/render/trend-chart-png.ts";
import { pngSize } from "../support/png.ts";
import { testAgent } from "../support/members.ts";
import { plain } from "../support/neutral-text.ts";

const teamKpiPhrase = (...args: Parameters<typeof teamKpiMsg>) => plain(teamKpiMsg(...args));
const feedbackPhrase = (...args: Parameters<typeof feedbackMsg>) => plain(feedbackMsg(...args));

const ana = testAgent("ana", "Ana");
const bo = testAgent("bo", "Bo");
const cy = testAgent("cy", "Cy");
const members = [ana, bo, cy];

const targets: KpiTarget[] = [
  { metric: "csat", target: 80, weight: 2, period: "week", minVolume: null },
  { metric: "first_response_time", target: 30, weight: 1, period: "week", minVolume: 3 },
  { metric: "tickets_handled", target: 50, weight: 1, period: "week", minVolume: null },
];

const ratio = (memberId: string, numerator: number, denominator: number): TeamKpiRecord => ({
  memberId,
  metric: "csat",
  value: (numerator * 100) / denominator,
  numerator,
  denominator,
});
const frt = (memberId: string, ...minutes: number[]): TeamKpiRecord[] =>
  minutes.map((value) => ({ memberId, metric: "first_response_time", value, numerator: null, denominator: null }));
const tickets = (memberId: string, value: number): TeamKpiRecord => ({ memberId, metric: "tickets_handled", value, numerator: null, denominator: null });

// Previous week: CSAT 14/20 + 7/10 = 21/30 = 70%; FRT median of [30,30,30,30,30] = 30 (Bo alone has only 2, below
// the guard of 3); tickets 50 + 40 = 90 over 3 members = 30 per member.
/** A week over by the time the digest is read: judged whole. */
const week = (key: string, inputs: ReturnType<typeof groupByMember>) => ({ inputs, span: judgedSpan(weekByKey(key, "UTC"), new Date("2027-01-01T00:00:00Z")) });

const previous = groupByMember({
  records: [ratio("ana", 14, 20), ratio("bo", 7, 10), ...frt("ana", 30, 30, 30), ...frt("bo", 30, 30), tickets("ana", 50), tickets("bo", 40)],
  kudosReceived: new Map(),
});
// This week: CSAT 18/20 + 6/10 = 24/30 = 80%; FRT median of [20,40,30,60,60,60] = (40+60)/2 = 50; tickets 60 + 30 = 90
// over 3 members = 30 per member. Cy has no records at all.
const current = groupByMember({
  records: [ratio("ana", 18, 20), ratio("bo", 6, 10), ...frt("ana", 20, 40, 30), ...frt("bo", 60, 60, 60), tickets("ana", 60), tickets("bo", 30)],
  kudosReceived: new Map([["ana", 2]]),
});

describe("team KPIs for the weekly digest", () => {
  it("aggregates the whole team per KPI against its target, with last week's value", () => {
    const kpis = teamKpis(targets, members.length, week("2026-W47", current), week("2026-W46", previous));
    const [csat, time, volume] = kpis.lines;
    expect(csat?.current.aggregate.value).toBe(80);
    expect(csat?.current.attainment).toBe(1);
    expect(csat?.previous.aggregate.value).toBe(70);
    expect(csat?.previous.attainment).toBe(0.875); // 70 ÷ 80
    expect(time?.current.aggregate.value).toBe(50);
    expect(time?.current.attainment).toBe(0.6); // lower is better: 30 ÷ 50
    expect(time?.previous.attainment).toBe(1);
    expect(volume?.current.aggregate.value).toBe(30); // per member: 90 ÷ 3
    expect(volume?.current.attainment).toBe(0.6);
    // (2×100% + 1×60% + 1×60%) ÷ 4 = 80%; last week (2×87.5% + 1×100% + 1×60%) ÷ 4 = 83.75%.
    expect(kpis.composite.score).toBeCloseTo(80, 10);
    expect(kpis.previousComposite).toBeCloseTo(83.75, 10);
    expect(plain(compositeChange(kpis.composite.score, kpis.previousComposite))).toBe("▼ −3.8 pts vs last week");
    expect(teamKpiPhrase(csat!)).toBe("80% · target 80% · on target ✓ · ▲ from 70% (better)");
    expect(teamKpiPhrase(time!)).toBe("50 min · target 30 min · 60% of target · ▲ from 30 min (worse)");
  });

  it("respects the minimum-volume guard for the team as a whole", () => {
    // 4 CSAT responses in all: below the catalogue's 5, so CSAT is neither shown as a value nor scored.
    const thin = groupByMember({ records: [ratio("ana", 3, 3), ratio("bo", 1, 1)], kudosReceived: new Map() });
    const kpis = teamKpis(targets.slice(0, 1), members.length, week("2026-W47", thin), week("2026-W46", new Map()));
    expect(kpis.lines[0]?.current.enough).toBe(false);
    expect(kpis.lines[0]?.current.attainment).toBeNull();
    expect(kpis.composite.score).toBeNull();
    expect(teamKpiPhrase(kpis.lines[0]!)).toBe("not enough data (4 of 5 CSAT responses) · target 80%");
  });
});

describe("digest targets fitted to the week", () => {
  const monthly: KpiTarget[] = [{ metric: "tickets_handled", target: 150, weight: 1, period: "month", minVolume: null }];

  it("pro-rates a monthly volume target to a complete week, for the team and each agent alike", () => {
    // 2026-W47 lies in November (30 days): 150 × 7/30 = 35 per agent. Team: 90 tickets ÷ 3 agents = 30 → 30 ÷ 35 = 85.7%.
    const kpis = teamKpis(monthly, members.length, week("2026-W47", current), week("2026-W46", previous));
    expect(kpis.lines[0]?.current.goal?.value).toBeCloseTo(35, 10);
    expect(kpis.lines[0]?.current.attainment).toBeCloseTo(30 / 35, 10);
    expect(teamKpiPhrase(kpis.lines[0]!)).toBe("30 · target 35 (pro rata: 150 a month × 7/30) · 85.7% of target · same as last week");
    // Ana 60 ÷ 35 → capped at 100%; Bo 30 ÷ 35 = 85.7%.
    const [a, b] = agentWeeks(monthly, members, week("2026-W47", current), week("2026-W46", previous), new Map());
    expect(a?.composite).toBeCloseTo(100, 10);
    expect(b?.composite).toBeCloseTo((30 / 35) * 100, 10);
  });

  it("judges a running week so far and says so in the title", () => {
    // On Wednesday 18 Nov: 150 × 3/30 = 15 per agent; the team's 30 per agent reaches it.
    const soFar = { inputs: current, span: judgedSpan(weekByKey("2026-W47", "UTC"), new Date("2026-11-18T12:00:00Z")) };
    const kpis = teamKpis(monthly, members.length, soFar, week("2026-W46", previous));
    expect(kpis.lines[0]?.current.goal?.value).toBeCloseTo(15, 10);
    expect(kpis.lines[0]?.current.attainment).toBe(1);
    expect(plain(weeklyDigestTitle({ teamName: "Support", span: soFar.span }))).toBe(
      "Weekly digest — Support, week 2026-W47 so far (16 Nov – 22 Nov 2026, day 3 of 7)",
    );
    expect(plain(weeklyDigestTitle({ teamName: "Support", span: soFar.span }), "zh-CN")).toContain("2026-W47 截至目前");
    expect(plain(weeklyDigestTitle({ teamName: "Support", span: week("2026-W47", current).span }))).toBe("Weekly digest — Support, week 2026-W47 (16 Nov – 22 Nov 2026)");
  });
});

describe("agents and top movers", () => {
  const agents = agentWeeks(targets, members, week("2026-W47", current), week("2026-W46", previous), new Map([["ana", 2]]));

  it("scores each agent like their scorecard, this week and last", () => {
    const [a, b, c] = agents;
    // Ana: CSAT 90% (capped 100%), FRT 30 (100%), 60 tickets (capped 100%) → 100; last week 70% → 87.5%, 100%, 100% → 93.75.
    expect(a?.composite).toBeCloseTo(100, 10);
    expect(a?.previousComposite).toBeCloseTo(93.75, 10);
    expect(a?.kudosReceived).toBe(2);
    // Bo: (2×75% + 1×50% + 1×60%) ÷ 4 = 65; last week FRT had 2 < 3 answers: (2×87.5% + 1×80%) ÷ 3 = 85.
    expect(b?.composite).toBeCloseTo(65, 10);
    expect(b?.previousComposite).toBeCloseTo(85, 10);
    expect(b?.kpis.map((k) => k.attainment)).toEqual([0.75, 0.5, 0.6]);
    expect(c?.composite).toBeNull();
    expect(c?.kudosReceived).toBe(0);
  });

  it("names risers, and fallers only when the lead opted in", () => {
    const privateMovers = topMovers(agents, { nameFalls: false });
    expect(privateMovers.up.map((m) => [m.member.displayName, Math.round(m.delta * 100) / 100])).toEqual([["Ana", 6.25]]);
    expect(privateMovers.down).toEqual([]);
    expect(privateMovers.downCount).toBe(1);
    const named = topMovers(agents, { nameFalls: true });
    expect(named.down.map((m) => [m.member.displayName, Math.round(m.delta * 100) / 100])).toEqual([["Bo", -20]]);
  });
});

describe("KPI trend chart data", () => {
  it("gives each KPI's team attainment in % of target per week, heaviest first, and the composite", () => {
    const trend = trendChart(kpiTrend(msg("post.text", { text: "T" }), ["2026-W45", "2026-W46", "2026-W47"], targets, members.length, [week("2026-W45", new Map()), week("2026-W46", previous), week("2026-W47", current)]), "en");
    expect(trend.weeks).toEqual(["2026-W45", "2026-W46", "2026-W47"]);
    expect(trend.series).toEqual([
      { name: "CSAT", values: [null, 87.5, 100] },
      { name: "First response time", values: [null, 100, 60] },
      { name: "Tickets handled", values: [null, 60, 60] },
      { name: "Composite", values: [null, 83.8, 80] },
    ]);
    expect(trend.reference).toEqual({ value: 100, label: "target" });
  });

  it("names the KPIs, the composite and the target line in the digest's language", () => {
    const trend = trendChart(kpiTrend(msg("chart.kpiTitle", { team: "一线", weeks: 8 }), ["2026-W47"], targets, members.length, [week("2026-W47", current)]), "zh-CN");
    expect(trend.title).toBe("一线 — 各项指标达成率（占目标 %），近 8 周");
    expect(trend.series.map((s) => s.name)).toEqual(["满意度", "首次响应时间", "工单量", "综合得分"]);
    expect(trend.reference?.label).toBe("目标");
  });

  it("renders to a PNG of the chart's size, legend rows included", async () => {
    const trend = trendChart(kpiTrend(msg("post.text", { text: "T" }), ["2026-W46", "2026-W47"], targets, members.length, [week("2026-W46", previous), week("2026-W47", current)]), "en");
    expect(await pngSize(renderTrendChartPng(trend))).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });
});

describe("feedback participation wording", () => {
  it("says who answered and who was prompted", () => {
    expect(feedbackPhrase({ requests: 2, asked: 5, answered: 3, promptsSent: 4, promptsAnswered: 1 })).toBe(
      "2 feedback requests: 3 of 5 peers answered · 4 recognition prompts: 1 followed by kudos",
    );
    expect(feedbackPhrase({ requests: 0, asked: 0, answered: 0, promptsSent: 0, promptsAnswered: 0 })).toBe("no feedback requests · no recognition prompts");
  });
});
