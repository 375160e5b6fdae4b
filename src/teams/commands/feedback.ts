// feedback @agent | request @agent from @a @b … | mine | report @agent | team | dimensions … | threshold N —
// 360° peer feedback in Teams through the same core functions as Slack's /feedback. The form is a card in the giver's personal chat, so nobody
// else sees who answered; the anonymity guarantees are the core's.
import type { Services } from "../../app/services.ts";
import { describeMention, mentionKey, type MentionRef } from "../../core/shared/command-text.ts";
import { ErrorCode, SpurError, unknownActor } from "../../core/shared/errors.ts";
import { alreadyAnswered, alreadyAnsweredError, assertCanReceiveFeedback, buildFeedbackReport } from "../../core/feedback/feedback.ts";
import { runFeedbackSettings, teamFeedbackOverview } from "../../core/feedback/feedback-admin.ts";
import { FEEDBACK_USAGE, parseFeedbackText } from "../../core/feedback/feedback-command.ts";
import { monthContaining, monthLabel } from "../../core/feedback/feedback-period.ts";
import { createFeedbackRequest } from "../../core/feedback/feedback-request.ts";
import { teamOf } from "../../core/recognition/kudos.ts";
import type { Member } from "../../core/shared/model.ts";
import { listOf } from "../../core/shared/wording.ts";
import { feedbackForm } from "../actions/feedback-form.ts";
import { feedbackReportCard, teamFeedbackCard } from "../cards/feedback-report.ts";
import { errorReply, infoReply } from "../cards/replies.ts";
import { type TeamsCommandContext, type TeamsDeps, withErrorReplies } from "../command-context.ts";
import { replyPrivately } from "../private-reply.ts";
import type { TeamsCommand } from "./command.ts";

async function resolveOne(services: Services, ctx: TeamsCommandContext, ref: MentionRef): Promise<Member> {
  const teamsRef = ctx.message.toTeams(ref);
  const found = (await services.members.resolve(ctx.workspace, ctx.defaultTeam.id, [teamsRef])).get(mentionKey(teamsRef));
  if (!found) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${ctx.message.humanize(describeMention(ref))} in this team.`);
  return found;
}

/** Like Slack's ephemeral replies: results are only shown in a personal chat. */
const RESULTS_ARE_PRIVATE = { privateBecause: "Feedback results are private", command: "feedback mine" };

export const feedbackCommand: TeamsCommand = {
  name: "feedback",
  title: "feedback @agent | request | mine",
  description: "Give a teammate 360° feedback, ask peers for it (leads), or see your own",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "feedback", async () => {
      const parsed = parseFeedbackText(args);
      if (!parsed.ok) throw parsed.error;
      const command = parsed.command;
      if (command.kind === "help") return ctx.reply(infoReply(ctx.message.humanize(FEEDBACK_USAGE)));
      const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!actor) throw unknownActor();
      const now = services.clock.now();
      switch (command.kind) {
        case "give": {
          const subject = await resolveOne(services, ctx, command.subject);
          assertCanReceiveFeedback(actor, subject);
          const periodKey = monthContaining(now, (await teamOf(services, subject, ctx.defaultTeam)).timeZone).key;
          if (await alreadyAnswered(services, { giver: actor, subject, periodKey })) throw alreadyAnsweredError(subject);
          return replyPrivately(deps, ctx, { privateBecause: "Feedback is private", command: "feedback @teammate" }, () =>
            feedbackForm(services, { workspace: ctx.workspace, subject, requestId: null }),
          );
        }
        case "request": {
          const { request, created, reminderAt } = await createFeedbackRequest(services, {
            workspace: ctx.workspace,
            defaultTeam: ctx.defaultTeam,
            lead: actor,
            subject: ctx.message.toTeams(command.subject),
            from: command.from === "team" ? "team" : command.from.map(ctx.message.toTeams),
            due: command.due,
            now,
            teamOf: (m) => teamOf(services, m, ctx.defaultTeam),
            // Teams redelivers an activity with the same id when it did not get a timely answer.
            idempotencyKey: `teams:msg:${ctx.conversationId}:${ctx.turn.activity.id ?? ""}`,
          });
          if (created) await services.jobs.feedbackRequested({ requestId: request.id, reminderAt, dueAt: request.dueAt });
          const peers = listOf(request.recipients.map((r) => r.peer.displayName));
          return ctx.reply(
            infoReply(
              `✅ I'm asking ${peers} for feedback on ${request.subject.displayName} (${monthLabel(request.periodKey)}). ` +
                "I'll remind them before it's due and send you a summary when it closes.",
            ),
          );
        }
        case "mine":
        case "report": {
          const subject = command.kind === "mine" ? actor : await resolveOne(services, ctx, command.subject);
          const team = await teamOf(services, subject, ctx.defaultTeam);
          const report = await buildFeedbackReport(services, { viewer: actor, subject, periodKey: monthContaining(now, team.timeZone).key });
          return replyPrivately(deps, ctx, RESULTS_ARE_PRIVATE, async () => feedbackReportCard(report));
        }
        case "team": {
          const team = await teamOf(services, actor, ctx.defaultTeam);
          const overview = await teamFeedbackOverview(services, { actor, team, now });
          return replyPrivately(deps, ctx, RESULTS_ARE_PRIVATE, async () => teamFeedbackCard(overview));
        }
        case "dimensions":
        case "threshold": {
          const reply = await runFeedbackSettings(services, { workspaceId: ctx.workspace.id, actor, command });
          const text = ctx.message.humanize(reply.text);
          return ctx.reply(reply.tone === "error" ? errorReply(text) : infoReply(reply.tone === "done" ? `✅ ${text}` : text));
        }
      }
    });
  },
};
