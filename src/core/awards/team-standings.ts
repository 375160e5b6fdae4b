// Every member's standing in a team over a period: composite score (same targets, weights, minimum volumes
// and span-fitted targets as the scorecard), tickets handled and kudos received. Leaderboards and awards rank these.
import { metric } from "../kpi/kpi-catalogue.ts";
import { composite, type Composite, type KpiInput, scoreMetric, totalValue } from "../kpi/kpi-math.ts";
import type { KpiTarget, ScorecardReads, TeamKpiRecord } from "../kpi/kpi-ports.ts";
import { loadScoringTargets, type ScoringTargetReads } from "../kpi/effective-targets.ts";
import { judgedSpan, type JudgedSpan } from "../kpi/target-span.ts";
import type { Member, Team } from "../shared/model.ts";
import type { Clock } from "../shared/ports.ts";
import type { Period } from "../shared/period.ts";
import { periodDates } from "../shared/review-period.ts";

/** Each member's inputs per metric code. */
export type RecordsByMember = Map<string, Map<string, KpiInput[]>>;

export function groupRecords(records: TeamKpiRecord[], kudos: Map<string, number>): RecordsByMember {
  const out: RecordsByMember = new Map();
  const add = (memberId: string, code: string, input: KpiInput) => {
    const metrics = out.get(memberId) ?? new Map<string, KpiInput[]>();
    out.set(memberId, metrics);
    const list = metrics.get(code);
    if (list) list.push(input);
    else metrics.set(code, [input]);
  };
  for (const { memberId, metric: code, ...input } of records) add(memberId, code, input);
  for (const [memberId, n] of kudos) add(memberId, "kudos_received", { value: n, numerator: null, denominator: null });
  return out;
}

/**
 * A member's composite over their targets (the team's, with their level's overrides), each fitted to the span
 * (KPIs below their minimum volume are left out). Scorecards, digests, leaderboards and awards all score members
 * with this.
 */
export function memberComposite(inputs: Map<string, KpiInput[]> | undefined, targets: KpiTarget[], span: JudgedSpan): Composite {
  return composite(
    targets.map((t) => {
      const def = metric(t.metric);
      const scored = scoreMetric(def, inputs?.get(t.metric) ?? [], t, span);
      return { code: t.metric, label: def.label, weight: t.weight, attainment: scored.attainment };
    }),
  );
}

export interface MemberStanding {
  member: Member;
  /** 0–100, or null when no KPI could be scored. */
  composite: number | null;
  ticketsHandled: number;
  kudosReceived: number;
}

export interface StandingsDeps {
  scorecardReads: ScorecardReads;
  kpiTargets: ScoringTargetReads;
  clock: Clock;
}

export async function teamStandings(deps: StandingsDeps, team: Team, period: Period): Promise<MemberStanding[]> {
  const dates = periodDates(period);
  const [members, records, kudos] = await Promise.all([
    deps.scorecardReads.teamMembers(team.id, { range: period, ...dates }),
    deps.scorecardReads.teamRecords(team.id, dates.from, dates.toExclusive),
    deps.scorecardReads.teamKudosReceived(team.id, period),
  ]);
  const targets = await loadScoringTargets(deps, team.id, members.map((m) => m.id));
  const byMember = groupRecords(records, kudos);
  const span = judgedSpan(period, deps.clock.now());
  return members.map((member) => ({
    member,
    composite: targets.of(member.id).length > 0 ? memberComposite(byMember.get(member.id), targets.of(member.id), span).score : null,
    ticketsHandled: totalValue(byMember.get(member.id)?.get("tickets_handled") ?? []),
    kudosReceived: kudos.get(member.id) ?? 0,
  }));
}

export interface RankedRow {
  member: Member;
  value: number;
  /** 1-based; equal values share a rank (1, 2, 2, 4). */
  rank: number;
}

/**
 * Highest value first; equal values share a rank and are listed by name, then id, so the order never
 * depends on the database. `round` says which values count as equal (what the post shows).
 */
export function rankByValue(entries: { member: Member; value: number }[], round: (v: number) => number = (v) => v): RankedRow[] {
  const sorted = [...entries].sort(
    (a, b) =>
      round(b.value) - round(a.value) ||
      a.member.displayName.localeCompare(b.member.displayName, "en") ||
      a.member.id.localeCompare(b.member.id),
  );
  return sorted.map((e) => ({ ...e, rank: sorted.filter((o) => round(o.value) > round(e.value)).length + 1 }));
}

/** Composite scores are shown (and compared) to one decimal. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}
