// The buttons of a feedback request DM: "Give feedback" opens the modal, "Skip" declines.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, SpurError } from "../../../core/errors.ts";
import { alreadyAnswered, assertCanReceiveFeedback } from "../../../core/feedback.ts";
import type { FeedbackRequestView } from "../../../core/feedback-model.ts";
import { skipFeedbackRequest } from "../../../core/feedback-request.ts";
import { FEEDBACK_GIVE_ACTION, FEEDBACK_SKIP_ACTION, RequestActionValue } from "../../feedback-payloads.ts";
import { openFeedbackModal } from "../feedback-context.ts";
import { type ActionContext, actionContext, STALE_MESSAGE, withActionErrors } from "../interaction-context.ts";

/** The request a button names, if it was sent to the person who clicked. */
async function requestForClick(services: Services, ctx: ActionContext): Promise<FeedbackRequestView> {
  const requestId = RequestActionValue.safeParse(ctx.value);
  if (!requestId.success) throw new SpurError(ErrorCode.StaleInteraction, STALE_MESSAGE);
  const request = await services.feedbackRequests.get(requestId.data);
  if (!request || request.workspaceId !== ctx.workspace.id || !request.recipients.some((r) => r.peer.id === ctx.actor.id)) {
    throw new SpurError(ErrorCode.NotAsked, "This feedback request wasn't sent to you.");
  }
  if (request.status === "closed") throw new SpurError(ErrorCode.FeedbackRequestClosed, "This feedback request has closed. Thanks anyway!");
  return request;
}

export function registerFeedbackRequestActions(app: App, services: Services): void {
  app.action(FEEDBACK_GIVE_ACTION, async ({ ack, body, respond, client }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      const request = await requestForClick(services, ctx);
      const answered =
        request.recipients.find((r) => r.peer.id === ctx.actor.id)?.status === "answered" ||
        (await alreadyAnswered(services, { giver: ctx.actor, subject: request.subject, periodKey: request.periodKey }));
      if (answered) {
        // Perhaps answered unasked earlier in the period: that counts for the request too.
        await services.feedbackRequests.markAnswered(request.id, ctx.actor.id);
        const after = await services.feedbackRequests.get(request.id);
        if (after?.recipients.every((r) => r.status !== "asked")) await services.jobs.feedbackRequestSettled(request.id);
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
