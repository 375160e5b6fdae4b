// Posting last month's awards (see awards-post.ts) in the team channel once per team and month.
import { type AwardsDeps, composeMonthlyAwards, previousMonth } from "./awards-post.ts";
import type { TeamPostSettings } from "../admin/team-post-settings.ts";
import { postOncePerPeriod, type RunDeps, type RunOutcome, teamWithChannel } from "../digests/digest-run.ts";
import { monthlyAwardsDue } from "../shared/schedule.ts";

export const AWARDS_KIND = "monthly_awards";
export const AWARDS_EVENT_TYPE = "spur_monthly_awards";

export interface AwardsRunDeps extends RunDeps, AwardsDeps {
  teamPosts: Pick<TeamPostSettings, "awardsEnabled">;
}

/**
 * Posts last month's awards once per team and month; before the first working day, or when the team turned
 * its awards off, it does nothing.
 */
export async function runMonthlyAwards(deps: AwardsRunDeps, input: { teamId: string }): Promise<RunOutcome> {
  const found = await teamWithChannel(deps, input.teamId);
  if ("skipped" in found) return found.skipped;
  const { team } = found;
  if (!(await deps.teamPosts.awardsEnabled(team.id))) return { status: "skipped", reason: "turned_off" };
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
