// /kudos @ana @bo 3 saved the Acme renewal #ownership
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { giveKudos } from "../../../core/kudos.ts";
import { KUDOS_USAGE, parseKudosText } from "../../../core/kudos-command.ts";
import { infoReply, kudosConfirmation } from "../../blocks/replies.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";

export function registerKudosCommand(app: App, services: Services): void {
  app.command("/kudos", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const parsed = parseKudosText(ctx.payload.text);
      if (!parsed.ok) throw parsed.error;
      if (parsed.command.kind === "help") return ctx.reply(infoReply(KUDOS_USAGE));

      const outcome = await giveKudos(services, {
        workspace: ctx.workspace,
        defaultTeam: ctx.defaultTeam,
        giverPlatformId: ctx.payload.user_id,
        command: parsed.command,
        source: "slash_command",
        sourceRef: null,
        idempotencyKey: `slack:cmd:${ctx.payload.team_id}:${ctx.payload.trigger_id}`,
      });
      // Until an admin sets a recognition channel, the shoutout goes where the command was used.
      const shoutoutChannel = ctx.defaultTeam.channelId ?? ctx.payload.channel_id;
      await ctx.reply(kudosConfirmation(outcome, shoutoutChannel));
      if (outcome.stored.created) await services.jobs.shoutout({ giftId: outcome.stored.giftId, channelId: shoutoutChannel });
    });
  });
}
