// Pure KPI maths for the weekly digests: the team's KPIs against its targets, each agent's composite, who
// moved most, and the eight-week trend of each KPI as a share of its target. Same rules as scorecards:
// capped attainment, lower-is-better inverted, the minimum-volume guard, the team's targets and weights, each
// target fitted to the week judged (a volume's monthly target pro-rated to the week).
import { isVolumeMetric, metric, type MetricDefinition } from "../kpi/kpi-catalogue.ts";
import { aggregate, type Aggregate, composite, type Composite, hasEnoughData, judge, type KpiInput, scoreMetric } from "../kpi/kpi-math.ts";
import type { KpiTarget, TeamKpiRecord } from "../kpi/kpi-ports.ts";
import type { JudgedSpan, SpanTarget } from "../kpi/target-span.ts";
import type { Member } from "../shared/model.ts";
import { groupRecords, memberComposite, type RecordsByMember } from "../awards/team-standings.ts";
import type { Trend } from "./trend.ts";
import { msg, type Msg } from "../../i18n/message.ts";

/** One week of a team's inputs: KPI records and kudos received per member. */
export interface TeamWeekInputs {
  records: TeamKpiRecord[];
  kudosReceived: Map<string, number>;
}

/** memberId → metric → inputs, kudos received counted as the `kudos_received` KPI. */
export type InputsByMember = RecordsByMember;

export function groupByMember(week: TeamWeekInputs): InputsByMember {
  return groupRecords(week.records, week.kudosReceived);
}

export interface TeamKpiValue {
  aggregate: Aggregate;
  enough: boolean;
  /** The target fitted to the week judged. */
  goal: SpanTarget | null;
  attainment: number | null;
}

/**
 * The team's value for one KPI: every member's observations aggregated together (ratios of sums, the median
 * of all observations, weighted means); a summed KPI (tickets handled, kudos received) is shown per agent
 * (`memberCount`: the team's agents), since its target is an agent's. The team's volume must reach the
 * minimum-volume guard.
 */
export function teamKpiValue(def: MetricDefinition, target: KpiTarget, byMember: InputsByMember, memberCount: number, span: JudgedSpan): TeamKpiValue {
  const inputs = [...byMember.values()].flatMap((m) => m.get(def.code) ?? []);
  if (isVolumeMetric(def)) {
    const total = aggregate(def.aggregation, inputs);
    const perMember = total.value === null || memberCount === 0 ? null : total.value / memberCount;
    const agg: Aggregate = { ...total, value: perMember };
    const enough = hasEnoughData(agg, target.minVolume ?? def.minVolume);
    const judged = judge(def, enough ? perMember : null, target, span);
    return { aggregate: agg, enough, goal: judged.goal, attainment: judged.attainment };
  }
  const scored = scoreMetric(def, inputs, target, span);
  return { aggregate: scored.aggregate, enough: scored.enough, goal: scored.goal, attainment: scored.attainment };
}

export interface TeamKpiLine {
  def: MetricDefinition;
  target: KpiTarget;
  current: TeamKpiValue;
  previous: TeamKpiValue;
}

export interface TeamKpis {
  lines: TeamKpiLine[];
  composite: Composite;
  previousComposite: number | null;
}

/** A week's inputs and the span judged in it. */
export interface JudgedWeek {
  inputs: InputsByMember;
  span: JudgedSpan;
}

/** Each targeted KPI for the team this week and last, and the team composite (weighted mean of attainments). */
export function teamKpis(targets: KpiTarget[], memberCount: number, current: JudgedWeek, previous: JudgedWeek): TeamKpis {
  const lines = targets.map((target) => {
    const def = metric(target.metric);
    return {
      def,
      target,
      current: teamKpiValue(def, target, current.inputs, memberCount, current.span),
      previous: teamKpiValue(def, target, previous.inputs, memberCount, previous.span),
    };
  });
  const partsOf = (pick: (l: TeamKpiLine) => TeamKpiValue) =>
    lines.map((l) => ({ code: l.def.code, label: l.def.label, weight: l.target.weight, attainment: pick(l).attainment }));
  return { lines, composite: composite(partsOf((l) => l.current)), previousComposite: composite(partsOf((l) => l.previous)).score };
}

export interface AgentKpi {
  def: MetricDefinition;
  target: KpiTarget;
  /** The target fitted to the week judged. */
  goal: SpanTarget | null;
  value: number | null;
  enough: boolean;
  attainment: number | null;
}

export interface AgentWeek {
  member: Member;
  kpis: AgentKpi[];
  composite: number | null;
  previousComposite: number | null;
  kudosReceived: number;
}

function agentKpis(targets: KpiTarget[], inputs: Map<string, KpiInput[]> | undefined, span: JudgedSpan): AgentKpi[] {
  return targets.map((target) => {
    const def = metric(target.metric);
    const scored = scoreMetric(def, inputs?.get(target.metric) ?? [], target, span);
    return { def, target, goal: scored.goal, value: scored.aggregate.value, enough: scored.enough, attainment: scored.attainment };
  });
}

/**
 * Every member's KPIs and composite this week, their composite last week, and kudos received this week.
 * `targets`: the same for everyone, or each member's own (the team's with their level's overrides).
 */
export function agentWeeks(
  targets: KpiTarget[] | ((memberId: string) => KpiTarget[]),
  members: Member[],
  current: JudgedWeek,
  previous: JudgedWeek,
  kudos: Map<string, number>,
): AgentWeek[] {
  const targetsOf = typeof targets === "function" ? targets : () => targets;
  return members.map((member) => ({
    member,
    kpis: agentKpis(targetsOf(member.id), current.inputs.get(member.id), current.span),
    composite: memberComposite(current.inputs.get(member.id), targetsOf(member.id), current.span).score,
    previousComposite: memberComposite(previous.inputs.get(member.id), targetsOf(member.id), previous.span).score,
    kudosReceived: kudos.get(member.id) ?? 0,
  }));
}

export interface Mover {
  member: Member;
  /** Composite points gained (positive) or lost (negative) since last week. */
  delta: number;
  composite: number;
}

export interface Movers {
  up: Mover[];
  /** Named only when the team's lead opted in; otherwise empty and only `downCount` is public. */
  down: Mover[];
  downCount: number;
}

export const TOP_MOVERS = 3;
/** Changes smaller than this (composite points) are noise, not news. */
export const MOVER_MIN_DELTA = 1;

/** The agents whose composite moved most; falls are named only when `nameFalls` (a lead's opt-in). */
export function topMovers(agents: AgentWeek[], options: { nameFalls: boolean; limit?: number }): Movers {
  const limit = options.limit ?? TOP_MOVERS;
  const moves = agents.flatMap((a) =>
    a.composite !== null && a.previousComposite !== null ? [{ member: a.member, delta: a.composite - a.previousComposite, composite: a.composite }] : [],
  );
  const byName = (x: Mover, y: Mover) => x.member.displayName.localeCompare(y.member.displayName);
  const up = moves.filter((m) => m.delta >= MOVER_MIN_DELTA).sort((x, y) => y.delta - x.delta || byName(x, y));
  const down = moves.filter((m) => m.delta <= -MOVER_MIN_DELTA).sort((x, y) => x.delta - y.delta || byName(x, y));
  return { up: up.slice(0, limit), down: options.nameFalls ? down.slice(0, limit) : [], downCount: down.length };
}

export const TREND_SERIES_MAX = 5;

/**
 * The KPI trend chart's data: per week, each targeted KPI's team attainment in % of its target (capped as in
 * the composite; null below the minimum volume), and the team composite. Heaviest KPIs first, at most five.
 */
export function kpiTrend(title: Msg, weekKeys: string[], targets: KpiTarget[], memberCount: number, weeks: JudgedWeek[]): Trend {
  const shown = [...targets].sort((a, b) => b.weight - a.weight || a.metric.localeCompare(b.metric)).slice(0, TREND_SERIES_MAX);
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  // Each week's KPIs once: the series and the composite both come from them.
  const perWeek = weeks.map((w) => teamKpis(targets, memberCount, w, { inputs: new Map(), span: w.span }));
  const series = shown.map((target) => ({
    name: msg("kpi.name", { metric: target.metric }),
    values: perWeek.map((k) => pct(k.lines.find((l) => l.target === target)?.current.attainment ?? null)),
  }));
  const composites = perWeek.map((k) => {
    const score = k.composite.score;
    return score === null ? null : Math.round(score * 10) / 10;
  });
  return { title, weeks: weekKeys, series: [...series, { name: msg("chart.composite"), values: composites }], reference: { value: 100, label: msg("chart.target") } };
}
