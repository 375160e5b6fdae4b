// The monthly awards post: agent of the month and most recognised in the team, and the workspace's team
// of the month, for the month that just ended in the team's time zone. Posted once per team and month, on
// the month's first working day at the team's digest time.
import { type Award, agentOfTheMonth, mostRecognised, type TeamCandidate, teamOfTheMonth } from "./awards.ts";
import { postOncePerPeriod, type RunDeps, type RunOutcome, teamWithChannel } from "./digest-run.ts";
import { monthByKey, monthContaining, monthLabel } from "./feedback-period.ts";
import type { Team } from "./model.ts";
import type { Period } from "./period.ts";
import { monthlyAwardsDue } from "./schedule.ts";
import { type StandingsDeps, teamStandings } from "./team-standings.ts";

export const AWARDS_KIND = "monthly_awards";
export const AWARDS_EVENT_TYPE = "spur_monthly_awards";

export interface MonthlyAwards {
  teamId: string;
  teamName: string;
  period: Period;
  /** "October 2026". */
  monthLabel: string;
  awards: Award[];
}

/** The month before the one containing `instant`, in the team's time zone. */
export function previousMonth(instant: Date, timeZone: string): Period {
  const current = monthContaining(instant, timeZone);
  return monthContaining(new Date(current.start.getTime() - 1), timeZone);
}

export async function composeMonthlyAwards(
  deps: StandingsDeps & Pick<RunDeps, "workspaces">,
  team: Team,
  month: Period,
): Promise<MonthlyAwards> {
  const workspaceTeams = await deps.workspaces.listTeams({ workspaceId: team.workspaceId });
  // Every team over the same calendar month, each in its own time zone.
  const candidates: TeamCandidate[] = await Promise.all(
    workspaceTeams.map(async (t) => ({
      teamId: t.id,
      teamName: t.name,
      standings: await teamStandings(deps, t, monthByKey(month.key, t.timeZone) ?? month),
    })),
  );
  const own = candidates.find((c) => c.teamId === team.id)?.standings ?? (await teamStandings(deps, team, month));
  return {
    teamId: team.id,
    teamName: team.name,
    period: month,
    monthLabel: monthLabel(month.key),
    awards: [agentOfTheMonth(own), mostRecognised(own), teamOfTheMonth(candidates)],
  };
}

/** Posts last month's awards once per team and month; before the first working day it does nothing. */
export async function runMonthlyAwards(deps: RunDeps & StandingsDeps, input: { teamId: string }): Promise<RunOutcome> {
  const found = await teamWithChannel(deps, input.teamId);
  if ("skipped" in found) return found.skipped;
  const { team } = found;
  const now = deps.clock.now();
  if (!monthlyAwardsDue(now, team.timeZone)) return { status: "skipped", reason: "not_due" };
  const month = previousMonth(now, team.timeZone);
  return postOncePerPeriod(deps, team, {
    kind: AWARDS_KIND,
    eventType: AWARDS_EVENT_TYPE,
    periodKey: month.key,
    since: month.end,
    compose: async (marker) => ({ kind: "awards_post", awards: await composeMonthlyAwards(deps, team, month), marker }),
  });
}
