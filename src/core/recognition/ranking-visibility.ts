// Who may see people ranked against each other. "Who can see the leaderboard" (leaderboard visibility) is one
// rule for every place Spur ranks individuals: /leaderboard, the weekly leaderboard post, the weekly digest's
// most recognised and top movers, the monthly awards' agent of the month and most recognised, and a
// scorecard's rank in the team. A team channel is read by agents, so with rankings kept to leads it carries
// no individual ranking, and an agent's own scorecard has no rank; a lead or an admin who is the audience
// (their own /leaderboard, their lead digest, an agent's scorecard they look at) still sees them.
import type { Role } from "../shared/model.ts";
import type { RecognitionSettingsRepository } from "./recognition-ports.ts";
import type { LeaderboardVisibility } from "./recognition-settings.ts";

/** Who reads a ranking: a team channel (everyone in it, agents included) or one member, privately. */
export type RankingAudience = { kind: "channel" } | { kind: "member"; role: Role };

export const CHANNEL_AUDIENCE: RankingAudience = { kind: "channel" };

export function individualRankingsShown(visibility: LeaderboardVisibility, audience: RankingAudience): boolean {
  if (visibility === "everyone") return true;
  return audience.kind === "member" && audience.role !== "agent";
}

/** Whether the workspace's team channels may show individual rankings. */
export async function channelRankingsShown(deps: { recognitionSettings: Pick<RecognitionSettingsRepository, "get"> }, workspaceId: string): Promise<boolean> {
  const settings = await deps.recognitionSettings.get(workspaceId);
  return individualRankingsShown(settings.leaderboardVisibility, CHANNEL_AUDIENCE);
}
