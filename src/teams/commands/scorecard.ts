// scorecard [@agent] — the same core scorecard as Slack's /scorecard, shown only in a personal chat: Teams
// has no ephemeral messages, so a reply in a channel or group chat would be seen by everyone.
import { ErrorCode, SpurError } from "../../core/errors.ts";
import { parseScorecardText, runScorecardCommand } from "../../core/scorecard-command.ts";
import { toActivity } from "../cards/render.ts";
import { infoReply } from "../cards/replies.ts";
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
      const personal = ctx.conversationType === "personal" ? null : await deps.store.personalChatOf(ctx.workspace.id, ctx.userId);
      if (ctx.conversationType !== "personal" && !personal) {
        throw new SpurError(ErrorCode.NotAllowed, "Scorecards are private: send me `scorecard` in a personal chat with Spur.");
      }
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
      if (!personal) return ctx.reply(scorecardCard(card));
      await deps.adapter.send(personal.reference, toActivity(scorecardCard(card)));
      await ctx.reply(infoReply("Scorecards are private, so I sent it to our personal chat."));
    });
  },
};
