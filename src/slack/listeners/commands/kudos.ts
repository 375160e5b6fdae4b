// /kudos @ana @bo 3 saved the Acme renewal #ownership · /kudos (form) · /kudos balance · /kudos history [@member]
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { kudosCommand } from "../../../use-cases/recognition/kudos-command.ts";
import { openKudosForm } from "../../../use-cases/recognition/kudos-form.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { CommandAck } from "../../command-ack.ts";
import { slashCommandTurn } from "../../command-context.ts";
import { slackPeoplePicker } from "../../people-picker.ts";
import { runOnSlack } from "../../run-interaction.ts";

export function registerKudosCommand(app: ListenerTable, services: Services): void {
  // The gift is stored (group-committed) before Slack gets its 200, and the confirmation is the ack's body.
  app.command("/kudos", async ({ command, ack, respond, client }) => {
    const commandAck = new CommandAck(ack, respond, services.logger);
    await commandAck.run(async () => {
      const slash = await slashCommandTurn(services, { command, respond, client, commandAck });
      if (!slash) return;
      const tokens = slackCommandTokens(slash.payload.text);
      if (tokens.length > 0) return runOnSlack(services, slash.turn, kudosCommand, services, { tokens });
      return runOnSlack(services, slash.turn, openKudosForm, { ...services, people: slackPeoplePicker }, { from: "command" });
    });
  });
}
