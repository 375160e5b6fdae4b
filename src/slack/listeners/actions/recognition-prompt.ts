// The buttons of the weekly "Who helped you this week?" DM.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, SpurError } from "../../../core/shared/errors.ts";
import { PROMPT_DISMISS_ACTION, PROMPT_KUDOS_ACTION, PromptActionValue } from "../../feedback-payloads.ts";
import { localeFor } from "../../../i18n/locale.ts";
import { openKudosForm } from "../../../use-cases/recognition/kudos-form.ts";
import { slackPeoplePicker } from "../../people-picker.ts";
import { renderModal } from "../../render/modal.ts";
import { slackPlace } from "../../run-interaction.ts";
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
      const locale = localeFor(ctx.actor.locale, ctx.workspace.locale);
      const replies = await openKudosForm.run(
        { ...services, people: slackPeoplePicker },
        {
          platform: "slack",
          workspace: ctx.workspace,
          team: ctx.defaultTeam,
          actor: ctx.actor,
          locale,
          place: slackPlace(null),
          args: { from: "prompt" },
          idempotencyKey: `slack:action:${ctx.payload.team.id}:${ctx.payload.trigger_id}`,
        },
      );
      try {
        for (const reply of replies) {
          if (reply.kind === "form") await client.views.open({ trigger_id: ctx.payload.trigger_id, view: renderModal(reply.form, locale) });
        }
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
