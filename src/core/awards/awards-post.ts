// The monthly awards post: agent of the month and most recognised in the team, and the workspace's team
// of the month, for the month that just ended in the team's time zone. awards-run.ts posts it once per team
// and month, on the month's first working day at the team's digest time.
import { type Award, agentOfTheMonth, mostRecognised, teamAward, type TeamScore, teamScore } from "./awards.ts";
import { monthByKey, monthContaining } from "../feedback/feedback-period.ts";
import type { Team } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import type { WorkspaceRepository } from "../shared/ports.ts";
import { type StandingsDeps, teamStandings } from "./team-standings.ts";
import { channelRankingsShown } from "../recognition/ranking-visibility.ts";
import type { RecognitionSettingsRepository } from "../recognition/recognition-ports.ts";

/** Teams whose standings are computed at once when the workspace's team scores are. */
export const TEAM_SCORES_CONCURRENCY = 4;

export interface MonthlyAwards {
  teamId: string;
  teamName: string;
  /** The month awarded; each reader sees its name in their language. */
  period: Period;
  awards: Award[];
  /**
   * The workspace keeps rankings to leads and admins: the post goes to the team channel, so it has no award
   * that ranks individuals (agent of the month, most recognised), only the team of the month.
   */
  rankingsHidden: boolean;
}

/**
 * Every team's score for the team award, per workspace and month. Computed once (by the first team's run)
 * and then read, so a month's awards cost one pass over the workspace's teams rather than one per team,
 * and every team's post names the same team of the month.
 */
export interface MonthlyTeamScoresRepository {
  find(workspaceId: string, monthKey: string): Promise<TeamScore[] | null>;
  /** Stores the scores unless a concurrent run stored its own first; returns the stored ones. */
  save(workspaceId: string, monthKey: string, scores: TeamScore[]): Promise<TeamScore[]>;
}

export type AwardsDeps = StandingsDeps & {
  workspaces: WorkspaceRepository;
  teamScores: MonthlyTeamScoresRepository;
  recognitionSettings: Pick<RecognitionSettingsRepository, "get">;
};

/** The month before the one containing `instant`, in the team's time zone. */
export function previousMonth(instant: Date, timeZone: string): Period {
  const current = monthContaining(instant, timeZone);
  return monthContaining(new Date(current.start.getTime() - 1), timeZone);
}

/** The workspace's team scores for the month: stored ones, or computed now over every team and stored. */
export async function workspaceTeamScores(deps: AwardsDeps, workspaceId: string, monthKey: string): Promise<TeamScore[]> {
  const stored = await deps.teamScores.find(workspaceId, monthKey);
  if (stored) return stored;
  const teams = await deps.workspaces.listTeams({ workspaceId });
  const scores: TeamScore[] = new Array<TeamScore>(teams.length);
  let next = 0;
  // Every team over the same calendar month, each in its own time zone; a few teams at a time.
  await Promise.all(
    Array.from({ length: Math.min(TEAM_SCORES_CONCURRENCY, teams.length) }, async () => {
      for (let i = next++; i < teams.length; i = next++) {
        const t = teams[i] as Team;
        const month = monthByKey(monthKey, t.timeZone);
        if (!month) throw new RangeError(`Not a month key: ${monthKey}`);
        scores[i] = teamScore({ teamId: t.id, teamName: t.name, standings: await teamStandings(deps, t, month) });
      }
    }),
  );
  return deps.teamScores.save(workspaceId, monthKey, scores);
}

export async function composeMonthlyAwards(deps: AwardsDeps, team: Team, month: Period): Promise<MonthlyAwards> {
  const [own, scores, rankingsShown] = await Promise.all([
    teamStandings(deps, team, month),
    workspaceTeamScores(deps, team.workspaceId, month.key),
    channelRankingsShown(deps, team.workspaceId),
  ]);
  const individual = rankingsShown ? [agentOfTheMonth(own), mostRecognised(own)] : [];
  return {
    teamId: team.id,
    teamName: team.name,
    period: month,
    awards: [...individual, teamAward(scores)],
    rankingsHidden: !rankingsShown,
  };
}
