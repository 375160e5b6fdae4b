// scorecard [@agent] [period] — the same core scorecard as Slack's /scorecard, shown only in a personal chat:
// Teams has no ephemeral messages, so a reply in a channel or group chat would be seen by everyone.
import { parseScorecardText, runScorecardCommand } from "../../core/kpi/scorecard-command.ts";
import { scorecardWithButtons } from "../cards/scorecard-buttons.ts";
import { type TeamsDeps, withErrorReplies } from "../command-context.ts";
import { replyPrivately } from "../private-reply.ts";
import type { TeamsCommand } from "./command.ts";

export const scorecardCommand: TeamsCommand = {
  name: "scorecard",
  title: "scorecard [@agent]",
  description: "Your kudos and KPIs this week, or a team member's (leads and admins)",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "scorecard", async () => {
      await replyPrivately(deps, ctx, { privateBecause: "Scorecards are private", command: "scorecard" }, async () => {
        const parsed = parseScorecardText(args);
        if (!parsed.ok) throw parsed.error;
        const subject = parsed.command.subject && ctx.message.toTeams(parsed.command.subject);
        const card = await runScorecardCommand(services, {
          workspace: ctx.workspace,
          defaultTeam: ctx.defaultTeam,
          viewerPlatformId: ctx.userId,
          command: { subject, period: parsed.command.period },
          now: services.clock.now(),
        });
        return scorecardWithButtons(card);
      });
    });
  },
};
