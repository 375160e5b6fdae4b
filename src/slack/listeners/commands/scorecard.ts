// /scorecard [@member] — your own, or (for leads and admins) a team member's.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { describeMention, mentionKey, parseMention, tokenize } from "../../../core/command-text.ts";
import { ErrorCode, SpurError } from "../../../core/errors.ts";
import { buildScorecard } from "../../../core/scorecard.ts";
import { scorecardMessage } from "../../blocks/scorecard.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";

export const SCORECARD_USAGE = "Use `/scorecard` for your own scorecard, or `/scorecard @agent` for a member of your team.";

export function registerScorecardCommand(app: App, services: Services): void {
  app.command("/scorecard", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const tokens = tokenize(ctx.payload.text);
      if (tokens.length > 1) throw new SpurError(ErrorCode.UnknownArgument, `Only one person at a time. ${SCORECARD_USAGE}`);
      const viewer = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
      if (!viewer) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");

      let subject = viewer;
      const first = tokens[0];
      if (first !== undefined) {
        const ref = parseMention(first);
        if (!ref) throw new SpurError(ErrorCode.UnknownArgument, `I didn't understand "${first}". ${SCORECARD_USAGE}`);
        const found = (await services.members.resolve(ctx.workspace, ctx.defaultTeam.id, [ref])).get(mentionKey(ref));
        if (!found) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(ref)} in this workspace.`);
        subject = found;
      }
      const team = (subject.teamId && (await services.workspaces.teamById(subject.teamId))) || ctx.defaultTeam;
      const card = await buildScorecard(services, { viewer, subject, team, now: services.clock.now() });
      await ctx.reply(scorecardMessage(card));
    });
  });
}
