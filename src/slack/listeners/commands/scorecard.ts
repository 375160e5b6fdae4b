// /scorecard [@member] [week|month|quarter|YYYY-Www|YYYY-MM|YYYY-Qn] — your own, or (for leads and admins) a team member's.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { describeMention, mentionKey } from "../../../core/shared/command-text.ts";
import { ErrorCode, SpurError, unknownActor } from "../../../core/shared/errors.ts";
import { parseScorecardText } from "../../../core/kpi/scorecard-command.ts";
import { errorReply } from "../../blocks/replies.ts";
import { scorecardMessage } from "../../blocks/scorecard.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";
import { resolvePeriod, scorecardFor, teamOf } from "../../../app/scorecard-view.ts";

export { SCORECARD_USAGE } from "../../../core/kpi/scorecard-command.ts";

export function registerScorecardCommand(app: App, services: Services): void {
  app.command("/scorecard", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const parsed = parseScorecardText(ctx.payload.text);
      if (!parsed.ok) return ctx.reply(errorReply(parsed.error.userMessage));
      const viewer = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
      if (!viewer) throw unknownActor();

      let subject = viewer;
      const ref = parsed.command.subject;
      if (ref) {
        const found = (await services.members.resolve(ctx.workspace, ctx.defaultTeam.id, [ref])).get(mentionKey(ref));
        if (!found) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(ref)} in this workspace.`);
        subject = found;
      }
      const team = await teamOf(services, subject, ctx.defaultTeam);
      const period = resolvePeriod(parsed.command.period, team, services.clock.now());
      const card = await scorecardFor(services, { viewer, subject, team, period });
      await ctx.reply(scorecardMessage(card, { canSend: !card.isSelf }));
    });
  });
}
