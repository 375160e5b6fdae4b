// Posting the weekly leaderboard (see leaderboard-post.ts) in the team channel once per team and week.
import { composeLeaderboardPost } from "./leaderboard-post.ts";
import type { TeamPostSettings } from "../admin/team-post-settings.ts";
import { postOncePerPeriod, type RunDeps, type RunOutcome, teamWithChannel } from "../digests/digest-run.ts";
import { previousWeek } from "../shared/period.ts";
import type { StandingsDeps } from "./team-standings.ts";
import { channelRankingsShown } from "../recognition/ranking-visibility.ts";
import type { RecognitionSettingsRepository } from "../recognition/recognition-ports.ts";

export const LEADERBOARD_KIND = "weekly_leaderboard";
export const LEADERBOARD_EVENT_TYPE = "spur_weekly_leaderboard";

export interface LeaderboardRunDeps extends RunDeps, StandingsDeps {
  teamPosts: TeamPostSettings;
  recognitionSettings: Pick<RecognitionSettingsRepository, "get">;
}

/**
 * Posts last week's leaderboard once per team and week. Nothing when the team turned it off, or when the
 * workspace keeps rankings to leads and admins: the post is nothing but individual rankings, in a channel.
 */
export async function runWeeklyLeaderboard(deps: LeaderboardRunDeps, input: { teamId: string }): Promise<RunOutcome> {
  const found = await teamWithChannel(deps, input.teamId);
  if ("skipped" in found) return found.skipped;
  const { team } = found;
  const mode = await deps.teamPosts.leaderboardMode(team.id);
  if (mode === "off") return { status: "skipped", reason: "turned_off" };
  if (!(await channelRankingsShown(deps, team.workspaceId))) return { status: "skipped", reason: "rankings_hidden" };
  const period = previousWeek(deps.clock.now(), team.timeZone);
  return postOncePerPeriod(deps, team, {
    kind: LEADERBOARD_KIND,
    eventType: LEADERBOARD_EVENT_TYPE,
    periodKey: period.key,
    since: period.end,
    compose: async (marker) => ({ kind: "leaderboard_post", post: await composeLeaderboardPost(deps, team, period, mode), marker }),
  });
}
