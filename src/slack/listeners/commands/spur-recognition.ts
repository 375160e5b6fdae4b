// /spur settings <name> <value> and /spur revoke …: the recognition administration use case, the same as
// Teams'. /spur settings alone opens the settings form through the /spur use case.
import type { Services } from "../../../app/services.ts";
import { isRecognitionAdmin } from "../../../core/recognition/recognition-admin.ts";
import { recognitionAdminCommand } from "../../../use-cases/recognition/recognition-admin-command.ts";
import { type SlashArgs, slashCommandTurn } from "../../command-context.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { runOnSlack } from "../../run-interaction.ts";

/** Runs the subcommand when it is one of recognition administration's; false otherwise. */
export async function runSpurRecognition(services: Services, args: SlashArgs): Promise<boolean> {
  const tokens = slackCommandTokens(typeof args.command.text === "string" ? args.command.text : "");
  if (!isRecognitionAdmin(tokens)) return false;
  const slash = await slashCommandTurn(services, args);
  if (slash) await runOnSlack(services, slash.turn, recognitionAdminCommand, services, { tokens });
  return true;
}
