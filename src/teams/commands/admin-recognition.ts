// `admin settings [<name> <value>]` and `admin revoke <kudos id> <reason>`: the same recognition
// administration use case as Slack's /spur settings and /spur revoke.
import { isRecognitionAdmin } from "../../core/recognition/recognition-admin.ts";
import { recognitionAdminCommand } from "../../use-cases/recognition/recognition-admin-command.ts";
import type { TeamsCommandContext, TeamsDeps } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";

/** Runs the subcommand when it is one of recognition administration's; false otherwise. */
export async function runRecognitionAdmin(deps: TeamsDeps, ctx: TeamsCommandContext): Promise<boolean> {
  const tokens = ctx.message.tokens.slice(1);
  if (!isRecognitionAdmin(tokens)) return false;
  await runOnTeams(deps, ctx, "teams:admin", recognitionAdminCommand, deps.services, { tokens });
  return true;
}
