// Posting the weekly leaderboard (see leaderboard-post.ts) in the team channel once per team and week.
import { composeLeaderboardPost } from "./leaderboard-post.ts";
import type { TeamPostSettings } from "../admin/team-post-settings.ts";
import { postOncePerPeriod, type RunDeps, type RunOutcome, teamWithChannel } from "../digests/digest-run.ts";
import { previousWeek } from "../shared/period.ts";
import type { StandingsDeps } from "./team-standings.ts";

export const LEADERBOARD_KIND = "weekly_leaderboard";
export const LEADERBOARD_EVENT_TYPE = "spur_weekly_leaderboard";

export interface LeaderboardRunDeps extends RunDeps, StandingsDeps {
  teamPosts: TeamPostSettings;
}

/** Posts last week's leaderboard once per team and week (nothing when the team turned it off). */
export async function runWeeklyLeaderboard(deps: LeaderboardRunDeps, input: { teamId: string }): Promise<RunOutcome> {
  const found = await teamWithChannel(deps, input.teamId);
  if ("skipped" in found) return found.skipped;
  const { team } = found;
  const mode = await deps.teamPosts.leaderboardMode(team.id);
  if (mode === "off") return { status: "skipped", reason: "turned_off" };
  const period = previousWeek(deps.clock.now(), team.timeZone);
  return postOncePerPeriod(deps, team, {
    kind: LEADERBOARD_KIND,
    eventType: LEADERBOARD_EVENT_TYPE,
    periodKey: period.key,
    since: period.end,
    compose: async (marker) => ({ kind: "leaderboard_post", post: await composeLeaderboardPost(deps, team, period, mode), marker }),
  });
}
