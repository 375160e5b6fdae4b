// An agent's scorecard: kudos this week and last, and the KPI observations of the current week.
import { assertCanViewMember } from "./access.ts";
import type { KpiObservation, KudosTotals, Member, Team } from "./model.ts";
import { localDate, previousWeek, type Period, weekContaining } from "./period.ts";
import type { KpiRepository, KudosRepository } from "./ports.ts";

export interface Scorecard {
  subject: Member;
  isSelf: boolean;
  week: Period;
  previous: Period;
  kudos: { week: KudosTotals; previous: KudosTotals };
  kpis: KpiObservation[];
}

export interface ScorecardDeps {
  kudos: KudosRepository;
  kpis: KpiRepository;
}

export async function buildScorecard(
  deps: ScorecardDeps,
  input: { viewer: Member; subject: Member; team: Team; now: Date },
): Promise<Scorecard> {
  const { viewer, subject, team, now } = input;
  assertCanViewMember(viewer, subject);
  const week = weekContaining(now, team.timeZone);
  const previous = previousWeek(now, team.timeZone);
  const [thisWeek, lastWeek, kpis] = await Promise.all([
    deps.kudos.totals(subject.id, week),
    deps.kudos.totals(subject.id, previous),
    deps.kpis.observations(subject.id, localDate(week.start, team.timeZone), localDate(week.end, team.timeZone)),
  ]);
  return {
    subject,
    isSelf: viewer.id === subject.id,
    week,
    previous,
    kudos: { week: thisWeek, previous: lastWeek },
    kpis,
  };
}
