// /leaderboard [week|month|quarter|all] [given|received] [#value]
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { unknownActor } from "../../../core/shared/errors.ts";
import { teamOf } from "../../../core/recognition/kudos.ts";
import { buildLeaderboard, parseLeaderboardText } from "../../../core/recognition/leaderboard.ts";
import { leaderboardMessage } from "../../blocks/recognition.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";

export function registerLeaderboardCommand(app: App, services: Services): void {
  app.command("/leaderboard", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const parsed = parseLeaderboardText(ctx.payload.text);
      if (!parsed.ok) throw parsed.error;
      const viewer = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
      if (!viewer) throw unknownActor();
      const team = await teamOf(services, viewer, ctx.defaultTeam);
      const board = await buildLeaderboard(services, { viewer, team, command: parsed.command, now: services.clock.now() });
      await ctx.reply(leaderboardMessage(board));
    });
  });
}
