// /scorecard [@member] — your own, or (for leads and admins) a team member's.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { parseScorecardText, runScorecardCommand } from "../../../core/scorecard-command.ts";
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
      const card = await runScorecardCommand(services, {
        workspace: ctx.workspace,
        defaultTeam: ctx.defaultTeam,
        viewerPlatformId: ctx.payload.user_id,
        command: parsed.command,
        now: services.clock.now(),
      });
      await ctx.reply(scorecardMessage(card));
    });
  });
}
