// scorecard [@agent] — the same core scorecard as Slack's /scorecard, shown only in a personal chat.
import { ErrorCode, SpurError } from "../../core/errors.ts";
import { parseScorecardText, runScorecardCommand } from "../../core/scorecard-command.ts";
import { scorecardCard } from "../cards/scorecard.ts";
import { type TeamsDeps, withErrorReplies } from "../command-context.ts";
import type { TeamsCommand } from "./command.ts";

export const scorecardCommand: TeamsCommand = {
  name: "scorecard",
  title: "scorecard [@agent]",
  description: "Your kudos and KPIs this week, or a team member's (leads and admins)",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "scorecard", async () => {
      // Teams has no ephemeral messages: a reply in a channel or group chat would be seen by everyone.
      if (ctx.conversationType !== "personal") {
        throw new SpurError(ErrorCode.NotAllowed, "Scorecards are private: send me `scorecard` in a personal chat with Spur.");
      }
      const parsed = parseScorecardText(args);
      if (!parsed.ok) throw parsed.error;
      const subject = parsed.command.subject && ctx.message.toTeams(parsed.command.subject);
      const card = await runScorecardCommand(services, {
        workspace: ctx.workspace,
        defaultTeam: ctx.defaultTeam,
        viewerPlatformId: ctx.userId,
        command: { subject },
        now: services.clock.now(),
      });
      await ctx.reply(scorecardCard(card));
    });
  },
};
