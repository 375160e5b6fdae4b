// The buttons of the weekly "Who helped you this week?" DM.
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, SpurError } from "../../../core/shared/errors.ts";
import { openKudosForm } from "../../../use-cases/recognition/kudos-form.ts";
import { PROMPT_DISMISS_ACTION, PROMPT_KUDOS_ACTION } from "../../../use-cases/recognition/recognition-prompt-bodies.ts";
import { PromptButtonData, promptDismiss } from "../../../use-cases/recognition/prompt-dismiss.ts";
import { slackPeoplePicker } from "../../people-picker.ts";
import { BlockAction } from "../../recognition-payloads.ts";
import { slackActionId } from "../../render/blocks.ts";
import { renderModal } from "../../render/modal.ts";
import { runOnSlack, slackPlace } from "../../run-interaction.ts";
import { actionContext, staleClick, withActionErrors } from "../interaction-context.ts";
import { command, msg } from "../../../i18n/message.ts";
import { note } from "../../../use-cases/body.ts";
import { acknowledgeAfter } from "../../command-ack.ts";

/** Where the kudos form cannot open: how to give kudos with the command. */
const kudosHint = () => note(undefined, msg("prompts.kudosHint", { command: command("kudos", "@teammate what they did #value") }));

function jsonValue(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    return null;
  }
}

export function registerRecognitionPromptActions(app: ListenerTable, services: Services): void {
  // "Give kudos" opens the same kudos form as `/kudos`; where the form cannot open, it explains /kudos.
  app.action(slackActionId(PROMPT_KUDOS_ACTION), async ({ ack, body, respond, client }) => {
    await acknowledgeAfter(services.logger, ack, async () => {
      const ctx = await actionContext(services, body, respond);
      if (!ctx) return;
      await withActionErrors(services, ctx, async () => {
        if (!PromptButtonData.safeParse(jsonValue(ctx.value)).success) throw new SpurError(ErrorCode.StaleInteraction, staleClick());
        const { locale } = ctx;
        const replies = await openKudosForm.run(
          { ...services, people: slackPeoplePicker },
          {
            platform: "slack",
            workspace: ctx.workspace,
            team: ctx.defaultTeam,
            channelTeam: null,
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
          await ctx.reply(kudosHint());
        }
      });
    });
  });

  const dismissId = slackActionId(PROMPT_DISMISS_ACTION);
  app.action(dismissId, async ({ ack, body, respond, client }) => {
    await acknowledgeAfter(services.logger, ack, async () => {
      const parsed = BlockAction.safeParse(body);
      if (!parsed.success) {
        services.logger.warn("malformed prompt dismiss action");
        return;
      }
      const { team, user, actions } = parsed.data;
      await runOnSlack(
        services,
        { teamId: team.id, userId: user.id, channelId: null, idempotencyKey: `slack:action:${team.id}:${user.id}`, client, respond, label: dismissId, via: "action" },
        promptDismiss,
        services,
        { data: jsonValue(actions[0]?.value) },
      );
    });
  });
}
