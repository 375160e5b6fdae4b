// feedback mine | report @agent — peer-feedback results in Teams, from the same core reports as Slack
// (anonymity threshold included). Giving and requesting feedback use Slack's forms for now.
import { mentionKey } from "../../core/command-text.ts";
import { ErrorCode, SpurError } from "../../core/errors.ts";
import { buildFeedbackReport, type FeedbackReport } from "../../core/feedback.ts";
import { FEEDBACK_USAGE, parseFeedbackText } from "../../core/feedback-command.ts";
import { monthContaining, monthLabel } from "../../core/feedback-period.ts";
import { teamOf } from "../../core/kudos.ts";
import { card, escapeMarkdown, factSet, heading, type TeamsMessage, textBlock } from "../cards/adaptive-card.ts";
import { infoReply } from "../cards/replies.ts";
import { type TeamsDeps, withErrorReplies } from "../command-context.ts";
import type { TeamsCommand } from "./command.ts";

function reportCard(report: FeedbackReport): TeamsMessage {
  const whose = report.isSelf ? "Your peer feedback" : `Peer feedback for ${report.subject.displayName}`;
  const title = `${whose} — ${monthLabel(report.aggregate.periodKey)}`;
  const dims = report.aggregate.dimensions.map((d): [string, string] => [d.label, `${d.mean.toFixed(1)} / 5 (${d.count})`]);
  const note = report.aggregate.anonymousShown
    ? `${report.aggregate.answers} answers.`
    : `${report.aggregate.answers} named answers; anonymous answers appear once ${report.aggregate.threshold} people have answered anonymously.`;
  return {
    text: title,
    card: card([
      heading(escapeMarkdown(title)),
      ...(dims.length === 0 ? [textBlock("No feedback yet this month.", { isSubtle: true })] : [factSet(dims)]),
      textBlock(note, { isSubtle: true, size: "Small" }),
    ]),
  };
}

export const feedbackCommand: TeamsCommand = {
  name: "feedback",
  title: "feedback mine | report @agent",
  description: "Your 360° peer feedback, or a team member's (leads and admins)",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "feedback", async () => {
      const parsed = parseFeedbackText(args);
      if (!parsed.ok) throw parsed.error;
      const command = parsed.command;
      if (command.kind === "help") return ctx.reply(infoReply(ctx.message.humanize(FEEDBACK_USAGE)));
      if (command.kind !== "mine" && command.kind !== "report") {
        return ctx.reply(infoReply("In Teams I can show feedback (`feedback mine`, `feedback report @agent`); giving and requesting feedback use Spur's forms in Slack for now."));
      }
      const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!actor) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");
      let subject = actor;
      if (command.kind === "report") {
        const ref = ctx.message.toTeams(command.subject);
        const found = (await services.members.resolve(ctx.workspace, ctx.defaultTeam.id, [ref])).get(mentionKey(ref));
        if (!found) throw new SpurError(ErrorCode.UnknownUser, "I couldn't find that person in this team.");
        subject = found;
      }
      const team = await teamOf(services, subject, ctx.defaultTeam);
      const report = await buildFeedbackReport(services, { viewer: actor, subject, periodKey: monthContaining(services.clock.now(), team.timeZone).key });
      await ctx.reply(reportCard(report));
    });
  },
};
