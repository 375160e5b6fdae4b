// scorecard [@agent] — the same core scorecard as Slack's /scorecard, shown only in a personal chat.
import { describeMention, mentionKey } from "../../core/command-text.ts";
import { ErrorCode, SpurError } from "../../core/errors.ts";
import { buildScorecard } from "../../core/scorecard.ts";
import { parseScorecardText } from "../../core/scorecard-command.ts";
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
      const viewer = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!viewer) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");
      let subject = viewer;
      const ref = parsed.command.subject && ctx.message.toTeams(parsed.command.subject);
      if (ref) {
        const found = (await services.members.resolve(ctx.workspace, ctx.defaultTeam.id, [ref])).get(mentionKey(ref));
        if (!found) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(ref)} in this workspace.`);
        subject = found;
      }
      const team = (subject.teamId && (await services.workspaces.teamById(subject.teamId))) || ctx.defaultTeam;
      const card = await buildScorecard(services, { viewer, subject, team, now: services.clock.now() });
      await ctx.reply(scorecardCard(card));
    });
  },
};
