// leaderboard [week|month|quarter|all] [given|received] [#value] — the same core leaderboard as Slack's.
import { unknownActor } from "../../core/shared/errors.ts";
import { teamOf } from "../../core/recognition/kudos.ts";
import { buildLeaderboard, type Leaderboard, leaderboardTitle, parseLeaderboardText } from "../../core/recognition/leaderboard.ts";
import { card, escapeMarkdown, factSet, heading, plural, type TeamsMessage, textBlock } from "../cards/adaptive-card.ts";
import { type TeamsDeps, withErrorReplies } from "../command-context.ts";
import type { TeamsCommand } from "./command.ts";

function leaderboardCard(board: Leaderboard): TeamsMessage {
  const title = leaderboardTitle(board);
  const rows = board.rows.map((r): [string, string] => [`${r.rank}. ${r.displayName}`, `${plural(r.points, "point")} (${plural(r.count, "kudos", "kudos")})`]);
  const mine = board.caller ? `You are #${board.caller.rank} with ${plural(board.caller.points, "point")}.` : "You are not on this board yet.";
  return {
    text: title,
    card: card([
      heading(escapeMarkdown(title)),
      ...(rows.length === 0 ? [textBlock("No kudos in this window yet.", { isSubtle: true })] : [factSet(rows)]),
      textBlock(mine, { isSubtle: true }),
    ]),
  };
}

export const leaderboardCommand: TeamsCommand = {
  name: "leaderboard",
  title: "leaderboard [week|month|quarter]",
  description: "Top recognised (or most generous) people of your team, with your own rank",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "leaderboard", async () => {
      const parsed = parseLeaderboardText(args);
      if (!parsed.ok) throw parsed.error;
      const viewer = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!viewer) throw unknownActor();
      const team = await teamOf(services, viewer, ctx.defaultTeam);
      const board = await buildLeaderboard(services, { viewer, team, command: parsed.command, now: services.clock.now() });
      await ctx.reply(leaderboardCard(board));
    });
  },
};
