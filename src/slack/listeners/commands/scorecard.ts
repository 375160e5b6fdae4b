// /scorecard [@member] — your own, or (for leads and admins) a team member's.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { describeMention, mentionKey } from "../../../core/command-text.ts";
import { ErrorCode, SpurError } from "../../../core/errors.ts";
import { buildScorecard } from "../../../core/scorecard.ts";
import { parseScorecardText } from "../../../core/scorecard-command.ts";
import { scorecardMessage } from "../../blocks/scorecard.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";

export function registerScorecardCommand(app: App, services: Services): void {
  app.command("/scorecard", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const parsed = parseScorecardText(ctx.payload.text);
      if (!parsed.ok) throw parsed.error;
      const viewer = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
      if (!viewer) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");

      let subject = viewer;
      const ref = parsed.command.subject;
      if (ref) {
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
