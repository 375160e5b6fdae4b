// /spur digest preview · /spur digest send [force]: the digest use case, run on Slack.
import type { Services } from "../../../app/services.ts";
import { digestArgs, digestCommand } from "../../../use-cases/digests/digest-command.ts";
import { type SlashArgs, slashCommandTurn } from "../../command-context.ts";
import { runOnSlack } from "../../run-interaction.ts";

export async function runDigestOnSlack(
  services: Services,
  args: SlashArgs,
  parsed: Parameters<typeof digestArgs>[0],
): Promise<void> {
  const slash = await slashCommandTurn(services, args);
  if (slash) await runOnSlack(services, slash.turn, digestCommand, services, digestArgs(parsed));
}
