// /spur prompts …: the recognition prompt opt-out and team schedule, as the one prompts use case.
import type { Services } from "../../../app/services.ts";
import { isPromptCommand } from "../../../core/recognition/prompt-command.ts";
import { promptsCommand } from "../../../use-cases/recognition/prompts-command.ts";
import { type SlashArgs, slashCommandTurn } from "../../command-context.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { runOnSlack } from "../../run-interaction.ts";

/** Runs `/spur prompts …`; false when the text is another subcommand. */
export async function runSpurPrompts(
  services: Services,
  args: SlashArgs,
): Promise<boolean> {
  const tokens = slackCommandTokens(typeof args.command.text === "string" ? args.command.text : "");
  if (!isPromptCommand(tokens)) return false;
  const slash = await slashCommandTurn(services, args);
  if (slash) await runOnSlack(services, slash.turn, promptsCommand, services, { tokens });
  return true;
}
