// The weekly team digest: what the team's recognition looked like over a completed week.
import type { Team } from "./model.ts";
import type { Period } from "./period.ts";
import type { KudosRepository, TeamKudosWeek } from "./ports.ts";

export const DIGEST_TOP_RECIPIENTS = 5;

export interface WeeklyDigest {
  teamId: string;
  teamName: string;
  period: Period;
  kudos: TeamKudosWeek;
}

export async function composeWeeklyDigest(
  deps: { kudos: KudosRepository },
  team: Team,
  period: Period,
): Promise<WeeklyDigest> {
  const kudos = await deps.kudos.teamWeek(team.id, period, DIGEST_TOP_RECIPIENTS);
  return { teamId: team.id, teamName: team.name, period, kudos };
}
