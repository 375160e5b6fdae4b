// /spur … — administration. Ported subcommands run as the one `/spur` use case; the others (listed in
// use-cases/admin/spur-command.ts) still run through spur-legacy.ts until they are ported.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { handledBySpurCommand, spurCommand } from "../../../use-cases/admin/spur-command.ts";
import { slackChannelPicker } from "../../channel-picker.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { CommandAck } from "../../command-ack.ts";
import { slashCommandTurn } from "../../command-context.ts";
import { runOnSlack } from "../../run-interaction.ts";
import { runLegacySpur } from "./spur-legacy.ts";
import { runSpurPrompts } from "./spur-prompts.ts";
import { runSpurRecognition } from "./spur-recognition.ts";

export function registerSpurCommand(app: App, services: Services): void {
  app.command("/spur", async ({ command, ack, respond, client }) => {
    const commandAck = new CommandAck(ack, respond, services.logger);
    const args = { command, respond, client, commandAck };
    await commandAck.run(async () => {
      if (await runSpurRecognition(services, args)) return;
      if (await runSpurPrompts(services, args)) return;
      const slash = await slashCommandTurn(services, args);
      if (!slash) return;
      const tokens = slackCommandTokens(slash.payload.text);
      if (handledBySpurCommand(tokens)) return runOnSlack(services, slash.turn, spurCommand, { ...services, channels: slackChannelPicker }, { tokens });
      await runLegacySpur(services, args);
    });
  });
}
