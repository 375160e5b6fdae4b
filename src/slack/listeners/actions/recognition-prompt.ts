// The buttons of the weekly "Who helped you this week?" DM.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, SpurError } from "../../../core/shared/errors.ts";
import { PROMPT_DISMISS_ACTION, PROMPT_KUDOS_ACTION, PromptActionValue } from "../../feedback-payloads.ts";
import { kudosModal } from "../../blocks/kudos-modal.ts";
import { actionContext, STALE_MESSAGE, withActionErrors } from "../interaction-context.ts";

export const KUDOS_HINT = "Who was it? Send them kudos with `/kudos @teammate what they did #value` — it only takes a moment.";

export function registerRecognitionPromptActions(app: App, services: Services): void {
  // "Give kudos" opens the same kudos form as `/kudos`; where the form cannot open, it explains /kudos.
  app.action(PROMPT_KUDOS_ACTION, async ({ ack, body, respond, client }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      if (!PromptActionValue.safeParse(ctx.value).success) throw new SpurError(ErrorCode.StaleInteraction, STALE_MESSAGE);
      const settings = await services.recognitionSettings.get(ctx.workspace.id);
      try {
        await client.views.open({
          trigger_id: ctx.payload.trigger_id,
          view: kudosModal(settings, {}, { channelId: null, sourceRef: null, source: "modal" }),
        });
      } catch (err) {
        services.logger.warn({ err }, "could not open the kudos form from a prompt");
        await ctx.reply(`:star2: ${KUDOS_HINT}`);
      }
    });
  });

  app.action(PROMPT_DISMISS_ACTION, async ({ ack, body, respond }) => {
    await ack();
    const ctx = await actionContext(services, body, respond);
    if (!ctx) return;
    await withActionErrors(services, ctx, async () => {
      const week = PromptActionValue.safeParse(ctx.value);
      if (!week.success) throw new SpurError(ErrorCode.StaleInteraction, STALE_MESSAGE);
      await services.prompts.dismiss(ctx.actor.id, week.data);
      await ctx.reply("No problem — see you next week. (`/spur prompts off` stops these prompts.)", { replaceOriginal: true });
    });
  });
}
