// `admin prompts off|on`, `admin prompts schedule <day> <hh:mm>`, `admin prompts team off|on`: the same
// prompts use case as Slack's `/spur prompts …`.
import { isPromptCommand } from "../../core/recognition/prompt-command.ts";
import { promptsCommand } from "../../use-cases/recognition/prompts-command.ts";
import type { TeamsCommandContext, TeamsDeps } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";

/** Runs `admin prompts …`; false when it is another admin command. */
export async function runTeamsPrompts(deps: TeamsDeps, ctx: TeamsCommandContext): Promise<boolean> {
  const tokens = ctx.message.tokens.slice(1);
  if (!isPromptCommand(tokens)) return false;
  await runOnTeams(deps, ctx, "teams:admin", promptsCommand, deps.services, { tokens });
  return true;
}
