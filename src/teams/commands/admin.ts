// admin … — Slack's /spur administration, through the same `/spur` use case. `admin channel` alone (and
// `admin team <name> channel`), sent in a channel, names that channel: Teams has no channel links to type, so
// it is read here as one.
import type { CommandToken } from "../../core/shared/command-text.ts";
import { isTeamCommand } from "../../core/admin/team-command.ts";
import { spurCommand } from "../../use-cases/admin/spur-command.ts";
import type { TeamsCommandContext, TeamsDeps } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";
import { teamsFormDeps } from "../teams-channel-picker.ts";
import { TeamsPeoplePicker } from "../teams-people-picker.ts";
import type { TeamsCommand } from "./command.ts";

function adminTokens(ctx: TeamsCommandContext): CommandToken[] {
  const tokens = ctx.message.tokens.slice(1);
  const last = tokens.at(-1);
  const endsWithChannel = last?.kind === "word" && last.text.toLowerCase() === "channel";
  // `admin channel` and `admin team <name> channel`, sent in a channel.
  if (endsWithChannel && ctx.conversationType === "channel" && (tokens.length === 1 || isTeamCommand(tokens))) {
    return [...tokens, { kind: "channel", id: ctx.conversationId, name: null, text: "#" }];
  }
  return tokens;
}

export const adminCommand: TeamsCommand = {
  name: "admin",
  title: "admin role|channel|timezone|digest",
  description: "Spur admins: roles, the team's channel, time zone and digest schedule; everyone: prompts off|on",
  async run(deps: TeamsDeps, ctx) {
    await runOnTeams(deps, ctx, "teams:admin", spurCommand, { ...teamsFormDeps(deps), people: new TeamsPeoplePicker(deps) }, { tokens: adminTokens(ctx) });
  },
};
