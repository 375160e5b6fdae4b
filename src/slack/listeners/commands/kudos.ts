// /kudos @ana @bo 3 saved the Acme renewal #ownership · /kudos (form) · /kudos balance · /kudos history [@member]
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { giveKudos, kudosBalance } from "../../../core/recognition/kudos.ts";
import { KUDOS_USAGE, parseKudosText } from "../../../core/recognition/kudos-command.ts";
import { kudosModal } from "../../blocks/kudos-modal.ts";
import { balanceMessage } from "../../blocks/recognition.ts";
import { infoReply, kudosConfirmation } from "../../blocks/replies.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";
import { deliverGift } from "../../gift-delivery.ts";
import { showHistory } from "../actions/history-page.ts";

export function registerKudosCommand(app: App, services: Services): void {
  app.command("/kudos", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      if (ctx.payload.text.trim() === "") {
        const settings = await services.recognitionSettings.get(ctx.workspace.id);
        await client.views.open({
          trigger_id: ctx.payload.trigger_id,
          view: kudosModal(settings, {}, { channelId: ctx.payload.channel_id, sourceRef: null, source: "modal" }),
        });
        return;
      }
      const settings = await services.recognitionSettings.get(ctx.workspace.id);
      const parsed = parseKudosText(ctx.payload.text, {
        maxPointsPerGift: settings.maxPointsPerGift,
        maxRecipients: 10,
        maxReasonLength: 500,
      });
      if (!parsed.ok) throw parsed.error;
      switch (parsed.command.kind) {
        case "help":
          return ctx.reply(infoReply(KUDOS_USAGE));
        case "balance":
          return ctx.reply(balanceMessage(await kudosBalance(services, ctx.workspace, ctx.defaultTeam, ctx.payload.user_id)));
        case "history":
          return ctx.reply(await showHistory(services, ctx.workspace, ctx.defaultTeam, ctx.payload.user_id, parsed.command.subject, 0));
        case "give":
          break;
      }
      const outcome = await giveKudos(services, {
        workspace: ctx.workspace,
        defaultTeam: ctx.defaultTeam,
        giverPlatformId: ctx.payload.user_id,
        command: parsed.command,
        source: "slash_command",
        sourceRef: null,
        idempotencyKey: `slack:cmd:${ctx.payload.team_id}:${ctx.payload.trigger_id}`,
      });
      const channel = await deliverGift(services, outcome, ctx.payload.channel_id);
      await ctx.reply(kudosConfirmation(outcome, channel ?? ctx.payload.channel_id));
    });
  });
}
