// Where a user group's sync puts people. While a team follows a group, the group's members are its members:
// - a member of the group joins the team, unless a group followed earlier holds them (first followed wins);
// - someone who left the group, and is still in the team, goes to the team of another followed group that
//   holds them (the first followed), or else back to the workspace's default team;
// - nobody else moves (someone an admin moved elsewhere after they left stays there).
// Moving changes only a member's primary team: their past kudos and KPI records stay where they happened.

export interface PlacementInput {
  /** The team whose group was read. */
  teamId: string;
  defaultTeamId: string;
  /** Every team that follows a group, the first followed first, with the group's members as now known. */
  followers: readonly { teamId: string; memberIds: ReadonlySet<string> }[];
  /** The group's members before this read. */
  before: ReadonlySet<string>;
  /** Each affected member's primary team now. */
  current: ReadonlyMap<string, string | null>;
}

export interface Placement {
  memberId: string;
  from: string | null;
  to: string;
}

/** The team of the first followed group holding the member, other than `except`; null when none. */
function holderOf(input: PlacementInput, memberId: string, except: string | null): string | null {
  return input.followers.find((f) => f.teamId !== except && f.memberIds.has(memberId))?.teamId ?? null;
}

export function groupPlacements(input: PlacementInput): { moves: Placement[]; kept: { memberId: string; teamId: string }[] } {
  const mine = input.followers.find((f) => f.teamId === input.teamId)?.memberIds ?? new Set<string>();
  const moves: Placement[] = [];
  const kept: { memberId: string; teamId: string }[] = [];
  for (const memberId of mine) {
    const holder = holderOf(input, memberId, null) ?? input.teamId;
    const from = input.current.get(memberId) ?? null;
    if (holder !== input.teamId) kept.push({ memberId, teamId: holder });
    else if (from !== input.teamId) moves.push({ memberId, from, to: input.teamId });
  }
  for (const memberId of input.before) {
    if (mine.has(memberId)) continue;
    const from = input.current.get(memberId) ?? null;
    if (from !== input.teamId) continue;
    const to = holderOf(input, memberId, input.teamId) ?? input.defaultTeamId;
    if (to !== from) moves.push({ memberId, from, to });
  }
  return { moves, kept };
}
