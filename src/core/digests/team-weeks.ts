// Loads what the digests compute from: a team's agents, targets, and per-week KPI records and kudos received
// over consecutive weeks (one records query for the whole span, bucketed by each record's local date).
import type { DigestReads } from "./digest-ports.ts";
import { groupByMember, type JudgedWeek } from "./kpi-digest.ts";
import { judgedSpan } from "../kpi/target-span.ts";
import type { KpiTarget, ScorecardReads, TeamKpiRecord } from "../kpi/kpi-ports.ts";
import { loadScoringTargets, type ScoringTargetReads } from "../kpi/effective-targets.ts";
import type { Member, Team } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import type { Clock } from "../shared/ports.ts";
import { periodDates } from "../shared/review-period.ts";

export interface TeamWeeksDeps {
  scorecardReads: ScorecardReads;
  kpiTargets: ScoringTargetReads;
  digestReads: DigestReads;
  clock: Clock;
}

export interface TeamWeeks {
  /** The members with the agent role: leads and admins coach the team, the digests rank and list its agents. */
  agents: Member[];
  /** The team's targets (its own KPIs against them). */
  targets: KpiTarget[];
  /** Each agent's own targets: the team's with their level's overrides. */
  targetsOf(memberId: string): KpiTarget[];
  /** One entry per week, in the order given: its inputs and how much of it is judged (a running week "so far"). */
  weeks: JudgedWeek[];
  kudosReceived: Map<string, number>[];
}

export async function loadTeamWeeks(deps: TeamWeeksDeps, team: Team, weeks: Period[]): Promise<TeamWeeks> {
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) throw new RangeError("loadTeamWeeks needs at least one week");
  const dates = weeks.map(periodDates);
  const [members, records, kudosReceived] = await Promise.all([
    deps.scorecardReads.teamMembers(team.id),
    deps.digestReads.teamRecordsBetween(team.id, periodDates(first).from, periodDates(last).toExclusive),
    deps.digestReads.teamKudosReceivedByRange(team.id, weeks),
  ]);
  // One pass over the records, each date's week looked up once.
  const byWeek: TeamKpiRecord[][] = weeks.map(() => []);
  const weekOfDate = new Map<string, number>();
  for (const r of records) {
    let i = weekOfDate.get(r.date);
    if (i === undefined) {
      i = dates.findIndex((d) => r.date >= d.from && r.date < d.toExclusive);
      weekOfDate.set(r.date, i);
    }
    if (i >= 0) byWeek[i]?.push(r);
  }
  const agents = members.filter((m) => m.role === "agent");
  const targets = await loadScoringTargets(deps, team.id, agents.map((m) => m.id));
  const now = deps.clock.now();
  const judged = byWeek.map((inWeek, i) => ({
    inputs: groupByMember({ records: inWeek, kudosReceived: kudosReceived[i] ?? new Map() }),
    span: judgedSpan(weeks[i] as Period, now),
  }));
  return { agents, targets: targets.team, targetsOf: (memberId) => targets.of(memberId), weeks: judged, kudosReceived };
}
