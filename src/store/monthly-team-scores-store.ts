// The workspace's team-award scores per month (see MonthlyTeamScoresRepository): the first stored wins.
import { z } from "zod";
import type { MonthlyTeamScoresRepository } from "../core/awards/awards-post.ts";
import type { TeamScore } from "../core/awards/awards.ts";
import type { Db } from "./prisma.ts";

const storedScores = z.array(z.object({ teamId: z.string(), teamName: z.string(), score: z.number().nullable() }));

export class PrismaMonthlyTeamScores implements MonthlyTeamScoresRepository {
  constructor(private readonly db: Db) {}

  async find(workspaceId: string, monthKey: string): Promise<TeamScore[] | null> {
    const row = await this.db.monthlyTeamScores.findUnique({ where: { workspaceId_monthKey: { workspaceId, monthKey } } });
    return row ? storedScores.parse(row.scores) : null;
  }

  async save(workspaceId: string, monthKey: string, scores: TeamScore[]): Promise<TeamScore[]> {
    // ON CONFLICT DO NOTHING: a run that computed the same month concurrently keeps the scores stored first.
    await this.db.$executeRaw`
      INSERT INTO monthly_team_scores (workspace_id, month_key, scores)
      VALUES (${workspaceId}::uuid, ${monthKey}, ${JSON.stringify(scores)}::jsonb)
      ON CONFLICT (workspace_id, month_key) DO NOTHING`;
    return (await this.find(workspaceId, monthKey)) ?? scores;
  }
}
