// admin … — Slack's /spur administration, through the same `/spur` use case. `admin channel` alone, sent in a
// channel, names that channel: Teams has no channel links to type, so it is read here as one.
import type { CommandToken } from "../../core/shared/command-text.ts";
import { spurCommand } from "../../use-cases/admin/spur-command.ts";
import type { TeamsCommandContext, TeamsDeps } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";
import { teamsFormDeps } from "../teams-channel-picker.ts";
import type { TeamsCommand } from "./command.ts";

function adminTokens(ctx: TeamsCommandContext): CommandToken[] {
  const tokens = ctx.message.tokens.slice(1);
  const [verb, ...rest] = tokens;
  if (verb?.kind === "word" && verb.text.toLowerCase() === "channel" && rest.length === 0 && ctx.conversationType === "channel") {
    return [verb, { kind: "channel", id: ctx.conversationId, name: null, text: "#" }];
  }
  return tokens;
}

export const adminCommand: TeamsCommand = {
  name: "admin",
  title: "admin role|channel|timezone|digest",
  description: "Spur admins: roles, the team's channel, time zone and digest schedule; everyone: prompts off|on",
  async run(deps: TeamsDeps, ctx) {
    await runOnTeams(deps, ctx, "teams:admin", spurCommand, teamsFormDeps(deps), { tokens: adminTokens(ctx) });
  },
};
