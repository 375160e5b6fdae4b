// /kudos @ana @bo 3 saved the Acme renewal #ownership · /kudos (form) · /kudos balance · /kudos history [@member]
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { kudosCommand } from "../../../use-cases/recognition/kudos-command.ts";
import { kudosModal } from "../../blocks/kudos-modal.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { commandContext, slashCommandTurn, withErrorReplies } from "../../command-context.ts";
import { runOnSlack } from "../../run-interaction.ts";

export function registerKudosCommand(app: App, services: Services): void {
  app.command("/kudos", async ({ command, ack, respond, client }) => {
    await ack();
    const slash = await slashCommandTurn(services, { command, respond, client });
    if (!slash) return;
    const tokens = slackCommandTokens(slash.payload.text);
    if (tokens.length > 0) return runOnSlack(services, slash.turn, kudosCommand, services, { tokens });
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const settings = await services.recognitionSettings.get(ctx.workspace.id);
      await client.views.open({
        trigger_id: ctx.payload.trigger_id,
        view: kudosModal(settings, {}, { channelId: ctx.payload.channel_id, sourceRef: null, source: "modal" }),
      });
    });
  });
}
