// The weekly team digest: what the team's recognition looked like over a completed week.
import type { Team } from "./model.ts";
import type { Period } from "./period.ts";
import type { KudosRepository, TeamKudosWeek } from "./ports.ts";
import { lastCompletedWeeks, type Trend } from "./trend.ts";

export const DIGEST_TOP_RECIPIENTS = 5;
export const DIGEST_TREND_WEEKS = 8;

export interface WeeklyDigest {
  teamId: string;
  teamName: string;
  period: Period;
  kudos: TeamKudosWeek;
  /** The last eight weeks up to and including `period`, for the chart. */
  trend: Trend;
}

export async function composeWeeklyDigest(
  deps: { kudos: KudosRepository },
  team: Team,
  period: Period,
): Promise<WeeklyDigest> {
  const weeks = lastCompletedWeeks(period.end, team.timeZone, DIGEST_TREND_WEEKS);
  const [kudos, totals] = await Promise.all([
    deps.kudos.teamWeek(team.id, period, DIGEST_TOP_RECIPIENTS),
    deps.kudos.teamTotalsByRange(team.id, weeks),
  ]);
  const trend: Trend = {
    title: `${team.name} — recognition, last ${DIGEST_TREND_WEEKS} weeks`,
    weeks: weeks.map((w) => w.key),
    series: [
      { name: "Kudos", values: totals.map((t) => t.count) },
      { name: "Points", values: totals.map((t) => t.points) },
    ],
  };
  return { teamId: team.id, teamName: team.name, period, kudos, trend };
}
