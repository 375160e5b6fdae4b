// The buttons of a feedback request DM: "Give feedback" opens the modal, "Skip" declines.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, SpurError } from "../../../core/errors.ts";
import { assertCanReceiveFeedback, effectiveThreshold } from "../../../core/feedback.ts";
import { skipFeedbackRequest } from "../../../core/feedback-request.ts";
import { feedbackModal } from "../../blocks/feedback-modal.ts";
import { FEEDBACK_GIVE_ACTION, FEEDBACK_SKIP_ACTION, RequestActionValue } from "../../feedback-payloads.ts";
import { classifySlackError } from "../../slack-errors.ts";
import { actionContext, STALE_MESSAGE, withActionErrors } from "../interaction-context.ts";

export function registerFeedbackRequestActions(app: App, services: Services): void {
  app.action(FEEDBACK_GIVE_ACTION, async ({ ack, body, respond, client }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      const requestId = RequestActionValue.safeParse(ctx.value);
      if (!requestId.success) throw new SpurError(ErrorCode.StaleInteraction, STALE_MESSAGE);
      const request = await services.feedbackRequests.get(requestId.data);
      const mine = request?.workspaceId === ctx.workspace.id ? request.recipients.find((r) => r.peer.id === ctx.actor.id) : undefined;
      if (!request || !mine) throw new SpurError(ErrorCode.NotAsked, "This feedback request wasn't sent to you.");
      if (request.status === "closed") throw new SpurError(ErrorCode.FeedbackRequestClosed, "This feedback request has closed. Thanks anyway!");
      if (mine.status === "answered") return ctx.reply(`You've already answered this request — thank you!`);
      assertCanReceiveFeedback(ctx.actor, request.subject);
      const [dimensions, threshold] = await Promise.all([
        services.feedback.dimensions(ctx.workspace.id),
        services.feedback.anonymityThreshold(ctx.workspace.id),
      ]);
      try {
        await client.views.open({
          trigger_id: ctx.payload.trigger_id,
          view: feedbackModal({
            subject: request.subject,
            dimensions,
            threshold: effectiveThreshold(threshold),
            metadata: { v: 1, subjectId: request.subject.id, requestId: request.id },
          }),
        });
      } catch (err) {
        throw classifySlackError(err);
      }
    });
  });

  app.action(FEEDBACK_SKIP_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      const requestId = RequestActionValue.safeParse(ctx.value);
      if (!requestId.success) throw new SpurError(ErrorCode.StaleInteraction, STALE_MESSAGE);
      const request = await services.feedbackRequests.get(requestId.data);
      if (!request || request.workspaceId !== ctx.workspace.id) throw new SpurError(ErrorCode.NotAsked, "This feedback request wasn't sent to you.");
      const { settled } = await skipFeedbackRequest(services, { requestId: request.id, peer: ctx.actor });
      if (settled) await services.jobs.feedbackRequestSettled(request.id);
      await ctx.reply(`Skipped — no feedback on <@${request.subject.platformUserId}> from you this time.`, { replaceOriginal: true });
    });
  });
}
