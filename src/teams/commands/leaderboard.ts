// leaderboard [week|month|quarter|all] [given|received] [#value] — the same use case as Slack's /leaderboard.
import { leaderboardCommand as leaderboard } from "../../use-cases/recognition/leaderboard-command.ts";
import type { TeamsDeps } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";
import type { TeamsCommand } from "./command.ts";

export const leaderboardCommand: TeamsCommand = {
  name: "leaderboard",
  title: "leaderboard [week|month|quarter]",
  description: "Top recognised (or most generous) people of your team, with your own rank",
  async run(deps: TeamsDeps, ctx) {
    return runOnTeams(deps, ctx, "teams:leaderboard", leaderboard, deps.services, { tokens: ctx.message.tokens.slice(1) });
  },
};
