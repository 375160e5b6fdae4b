// /leaderboard [week|month|quarter|all] [given|received] [#value]
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { leaderboardCommand } from "../../../use-cases/recognition/leaderboard-command.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { CommandAck } from "../../command-ack.ts";
import { slashCommandTurn } from "../../command-context.ts";
import { runOnSlack } from "../../run-interaction.ts";

export function registerLeaderboardCommand(app: ListenerTable, services: Services): void {
  app.command("/leaderboard", async ({ command, ack, respond, client }) => {
    const commandAck = new CommandAck(ack, respond, services.logger);
    await commandAck.run(async () => {
      const slash = await slashCommandTurn(services, { command, respond, client, commandAck });
      if (slash) await runOnSlack(services, slash.turn, leaderboardCommand, services, { tokens: slackCommandTokens(slash.payload.text) });
    });
  });
}
