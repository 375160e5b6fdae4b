// The buttons of a feedback request DM: "Give feedback" opens the modal, "Skip" declines.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, SpurError } from "../../../core/shared/errors.ts";
import { assertCanReceiveFeedback } from "../../../core/feedback/feedback.ts";
import type { FeedbackRequestView } from "../../../core/feedback/feedback-model.ts";
import { answeredForRequest, requestForPeer, skipFeedbackRequest } from "../../../core/feedback/feedback-request.ts";
import { FEEDBACK_GIVE_ACTION, FEEDBACK_SKIP_ACTION, RequestActionValue } from "../../feedback-payloads.ts";
import { openFeedbackModal } from "../feedback-context.ts";
import { type ActionContext, actionContext, STALE_MESSAGE, withActionErrors } from "../interaction-context.ts";

/** The request a button names, if it was sent to the person who clicked. */
async function requestForClick(services: Services, ctx: ActionContext): Promise<FeedbackRequestView> {
  const requestId = RequestActionValue.safeParse(ctx.value);
  if (!requestId.success) throw new SpurError(ErrorCode.StaleInteraction, STALE_MESSAGE);
  return requestForPeer(services, { requestId: requestId.data, workspaceId: ctx.workspace.id, peer: ctx.actor });
}

export function registerFeedbackRequestActions(app: App, services: Services): void {
  app.action(FEEDBACK_GIVE_ACTION, async ({ ack, body, respond, client }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      const request = await requestForClick(services, ctx);
      const answered = await answeredForRequest(services, { request, peer: ctx.actor });
      if (answered.answered) {
        if (answered.settled) await services.jobs.feedbackRequestSettled(request.id);
        return ctx.reply(`You've already given feedback on <@${request.subject.platformUserId}> this period — thank you!`);
      }
      assertCanReceiveFeedback(ctx.actor, request.subject);
      await openFeedbackModal(services, client, {
        workspace: ctx.workspace,
        triggerId: ctx.payload.trigger_id,
        subject: request.subject,
        requestId: request.id,
      });
    });
  });

  app.action(FEEDBACK_SKIP_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      const request = await requestForClick(services, ctx);
      const { settled } = await skipFeedbackRequest(services, { requestId: request.id, peer: ctx.actor });
      if (settled) await services.jobs.feedbackRequestSettled(request.id);
      await ctx.reply(`Skipped — no feedback on <@${request.subject.platformUserId}> from you this time.`, { replaceOriginal: true });
    });
  });
}
