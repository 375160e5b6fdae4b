// /feedback @agent | request … | mine | report @agent | team | dimensions … | threshold N — the feedback use case.
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { feedbackCommand } from "../../../use-cases/feedback/feedback-command.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { CommandAck } from "../../command-ack.ts";
import { slashCommandTurn } from "../../command-context.ts";
import { runOnSlack } from "../../run-interaction.ts";

export function registerFeedbackCommand(app: ListenerTable, services: Services): void {
  app.command("/feedback", async ({ command, ack, respond, client }) => {
    const commandAck = new CommandAck(ack, respond, services.logger);
    await commandAck.run(async () => {
      const slash = await slashCommandTurn(services, { command, respond, client, commandAck });
      if (slash) await runOnSlack(services, slash.turn, feedbackCommand, services, { tokens: slackCommandTokens(slash.payload.text) });
    });
  });
}
