// The weekly leaderboard post in the team channel: kudos received and/or composite score over the week that
// just ended, as each team's admins chose (spur leaderboard-post kudos|composite|both|off).
import type { Member, Team } from "../shared/model.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import type { Period } from "../shared/period.ts";
import type { LeaderboardPostMode } from "../admin/team-post-settings.ts";
import { type MemberStanding, type RankedRow, rankByValue, roundScore, type StandingsDeps, teamStandings } from "./team-standings.ts";

export const LEADERBOARD_POST_TOP = 5;

export interface LeaderboardSection {
  /** How the section ranks, in words, shown under its title. */
  rule: Msg;
  rows: RankedRow[];
}

export interface LeaderboardPost {
  teamId: string;
  teamName: string;
  period: Period;
  kudos: LeaderboardSection | null;
  composite: LeaderboardSection | null;
}

export const KUDOS_RULE = msg("leaderboardPost.kudosRule");
export const COMPOSITE_RULE = msg("leaderboardPost.compositeRule");

function visible(member: Member): boolean {
  return !member.isBot && !member.isDeactivated;
}

/** The sections the mode asks for; only people with something to rank are listed (nobody at zero). */
export function selectLeaderboard(
  mode: LeaderboardPostMode,
  standings: MemberStanding[],
  top = LEADERBOARD_POST_TOP,
): Pick<LeaderboardPost, "kudos" | "composite"> {
  const people = standings.filter((s) => visible(s.member));
  const kudos =
    mode === "kudos" || mode === "both"
      ? { rule: KUDOS_RULE, rows: topRows(people.filter((s) => s.kudosReceived > 0).map((s) => ({ member: s.member, value: s.kudosReceived })), top) }
      : null;
  const composite =
    mode === "composite" || mode === "both"
      ? {
          rule: COMPOSITE_RULE,
          rows: topRows(
            people.flatMap((s) => (s.composite === null ? [] : [{ member: s.member, value: s.composite }])),
            top,
            roundScore,
          ),
        }
      : null;
  return { kudos, composite };
}

/** The first `top` places; a tie at the last place keeps everyone who shares it. */
function topRows(entries: { member: Member; value: number }[], top: number, round?: (v: number) => number): RankedRow[] {
  return rankByValue(entries, round).filter((r) => r.rank <= top);
}

export async function composeLeaderboardPost(
  deps: StandingsDeps,
  team: Team,
  period: Period,
  mode: LeaderboardPostMode,
): Promise<LeaderboardPost> {
  const standings = await teamStandings(deps, team, period);
  return { teamId: team.id, teamName: team.name, period, ...selectLeaderboard(mode, standings) };
}
