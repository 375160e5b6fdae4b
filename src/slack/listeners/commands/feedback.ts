// /feedback @agent | request … | mine | report @agent | team | dimensions … | threshold N
import type { App, webApi } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { describeMention, mentionKey, type MentionRef } from "../../../core/shared/command-text.ts";
import { ErrorCode, SpurError, unknownActor } from "../../../core/shared/errors.ts";
import {
  alreadyAnswered,
  alreadyAnsweredError,
  assertCanReceiveFeedback,
  buildFeedbackReport,
} from "../../../core/feedback/feedback.ts";
import { runFeedbackSettings, teamFeedbackOverview } from "../../../core/feedback/feedback-admin.ts";
import { FEEDBACK_USAGE, type FeedbackCommand, parseFeedbackText } from "../../../core/feedback/feedback-command.ts";
import { monthContaining, monthLabel } from "../../../core/feedback/feedback-period.ts";
import { createFeedbackRequest } from "../../../core/feedback/feedback-request.ts";
import type { Member } from "../../../core/shared/model.ts";
import { feedbackReportMessage, teamFeedbackMessage } from "../../blocks/feedback-report.ts";
import { errorReply, infoReply } from "../../blocks/replies.ts";
import { type CommandContext, commandContext, withErrorReplies } from "../../command-context.ts";
import { openFeedbackModal, teamOf } from "../feedback-context.ts";

export function registerFeedbackCommand(app: App, services: Services): void {
  app.command("/feedback", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const parsed = parseFeedbackText(ctx.payload.text);
      if (!parsed.ok) return ctx.reply(errorReply(parsed.error.userMessage));
      if (parsed.command.kind === "help") return ctx.reply(infoReply(FEEDBACK_USAGE));
      const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
      if (!actor) throw unknownActor();
      await run(services, ctx, client, actor, parsed.command);
    });
  });
}

async function resolveOne(services: Services, ctx: CommandContext, ref: MentionRef): Promise<Member> {
  const found = (await services.members.resolve(ctx.workspace, ctx.defaultTeam.id, [ref])).get(mentionKey(ref));
  if (!found) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(ref)} in this workspace.`);
  return found;
}

async function run(services: Services, ctx: CommandContext, client: webApi.WebClient, actor: Member, command: FeedbackCommand): Promise<void> {
  const now = services.clock.now();
  switch (command.kind) {
    case "help":
      return ctx.reply(infoReply(FEEDBACK_USAGE));
    case "give": {
      const subject = await resolveOne(services, ctx, command.subject);
      assertCanReceiveFeedback(actor, subject);
      const periodKey = monthContaining(now, (await teamOf(services, subject, ctx.defaultTeam)).timeZone).key;
      if (await alreadyAnswered(services, { giver: actor, subject, periodKey })) throw alreadyAnsweredError(subject);
      await openFeedbackModal(services, client, { workspace: ctx.workspace, triggerId: ctx.payload.trigger_id, subject, requestId: null });
      return;
    }
    case "request": {
      const { request, created, reminderAt } = await createFeedbackRequest(services, {
        workspace: ctx.workspace,
        defaultTeam: ctx.defaultTeam,
        lead: actor,
        subject: command.subject,
        from: command.from,
        due: command.due,
        now,
        teamOf: (m) => teamOf(services, m, ctx.defaultTeam),
        idempotencyKey: `slack:cmd:${ctx.payload.team_id}:${ctx.payload.trigger_id}`,
      });
      if (created) await services.jobs.feedbackRequested({ requestId: request.id, reminderAt, dueAt: request.dueAt });
      const peers = request.recipients.map((r) => `<@${r.peer.platformUserId}>`).join(", ");
      return ctx.reply(
        infoReply(
          `:white_check_mark: I'm asking ${peers} for feedback on <@${request.subject.platformUserId}> ` +
            `(${monthLabel(request.periodKey)}). I'll remind them before it's due and send you a summary when it closes.`,
        ),
      );
    }
    case "mine":
    case "report": {
      const subject = command.kind === "mine" ? actor : await resolveOne(services, ctx, command.subject);
      const team = await teamOf(services, subject, ctx.defaultTeam);
      const report = await buildFeedbackReport(services, { viewer: actor, subject, periodKey: monthContaining(now, team.timeZone).key });
      return ctx.reply(feedbackReportMessage(report));
    }
    case "team": {
      const team = await teamOf(services, actor, ctx.defaultTeam);
      const overview = await teamFeedbackOverview(services, { actor, team, now });
      return ctx.reply(teamFeedbackMessage(overview.periodKey, overview.rows));
    }
    case "dimensions":
    case "threshold": {
      const reply = await runFeedbackSettings(services, { workspaceId: ctx.workspace.id, actor, command });
      if (reply.tone === "error") return ctx.reply(errorReply(reply.text));
      return ctx.reply(infoReply(reply.tone === "done" ? `:white_check_mark: ${reply.text}` : reply.text));
    }
  }
}
