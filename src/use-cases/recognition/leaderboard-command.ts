// The leaderboard command, on every surface: the caller's team (or the mapped channel's) ranked in a window, with
// the caller's own rank.
import { teamOf } from "../../core/recognition/kudos.ts";
import { buildLeaderboard, type Leaderboard, leaderboardTitle, parseLeaderboardCommand } from "../../core/recognition/leaderboard.ts";
import type { KudosLedger, RecognitionSettingsRepository } from "../../core/recognition/recognition-ports.ts";
import type { KudosDeps } from "../../core/recognition/kudos.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import type { Clock } from "../../core/shared/ports.ts";
import { member, msg } from "../../i18n/message.ts";
import { type Body, heading, subtle } from "../body.ts";
import { type Interaction, privately } from "../interaction.ts";

export interface LeaderboardCommandArgs {
  tokens: CommandToken[];
}

export type LeaderboardDeps = Pick<KudosDeps, "workspaces"> & {
  ledger: KudosLedger;
  recognitionSettings: RecognitionSettingsRepository;
  clock: Clock;
};

export function leaderboardBody(board: Leaderboard): Body {
  const title = leaderboardTitle(board);
  const lines = board.rows.map((r) =>
    msg("leaderboard.row", { rank: r.rank, who: member(r.platformUserId, r.displayName), points: r.points, count: r.count }),
  );
  const you = board.caller ? msg("leaderboard.you", { rank: board.caller.rank, points: board.caller.points }) : msg("leaderboard.youAbsent");
  return {
    summary: msg("leaderboard.summary", { title, you }),
    blocks: [heading(title), { kind: "lines", lines, empty: msg("leaderboard.empty") }, subtle(you)],
  };
}

export const leaderboardCommand: Interaction<LeaderboardDeps, LeaderboardCommandArgs> = {
  name: "leaderboard.command",
  readsChannelTeam: true,
  async run(deps, req) {
    const parsed = parseLeaderboardCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    // Typed in a mapped channel, that team's board; elsewhere the caller's own team's.
    const team = req.channelTeam ?? (await teamOf(deps, req.actor, req.team));
    const board = await buildLeaderboard(deps, { viewer: req.actor, team, command: parsed.command, now: deps.clock.now() });
    return [privately(leaderboardBody(board))];
  },
};
