// /scorecard [@member] [week|month|quarter|YYYY-Www|YYYY-MM|YYYY-Qn] — your own, or (for leads and admins) a team member's.
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { scorecardCommand } from "../../../use-cases/kpi/scorecard-command.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { CommandAck } from "../../command-ack.ts";
import { slashCommandTurn } from "../../command-context.ts";
import { runOnSlack } from "../../run-interaction.ts";

export function registerScorecardCommand(app: ListenerTable, services: Services): void {
  app.command("/scorecard", async ({ command, ack, respond, client }) => {
    const commandAck = new CommandAck(ack, respond, services.logger);
    await commandAck.run(async () => {
      const slash = await slashCommandTurn(services, { command, respond, client, commandAck });
      if (slash) await runOnSlack(services, slash.turn, scorecardCommand, services, { tokens: slackCommandTokens(slash.payload.text) });
    });
  });
}
