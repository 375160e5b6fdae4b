// /spur … — administration: every subcommand runs as the one `/spur` use case (use-cases/admin/spur-command.ts).
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { spurCommand } from "../../../use-cases/admin/spur-command.ts";
import { slackChannelPicker } from "../../channel-picker.ts";
import { slackPeoplePicker } from "../../people-picker.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { CommandAck } from "../../command-ack.ts";
import { slashCommandTurn } from "../../command-context.ts";
import { runOnSlack } from "../../run-interaction.ts";

export function registerSpurCommand(app: ListenerTable, services: Services): void {
  app.command("/spur", async ({ command, ack, respond, client }) => {
    const commandAck = new CommandAck(ack, respond, services.logger);
    await commandAck.run(async () => {
      const slash = await slashCommandTurn(services, { command, respond, client, commandAck });
      if (!slash) return;
      const tokens = slackCommandTokens(slash.payload.text);
      await runOnSlack(services, slash.turn, spurCommand, { ...services, channels: slackChannelPicker, people: slackPeoplePicker }, { tokens });
    });
  });
}
