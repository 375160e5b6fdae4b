// help — what Spur can do in Teams (also the answer to a word that is not a command).
import { appHelpCommand } from "../../use-cases/admin/app-help.ts";
import { runOnTeams } from "../run-interaction.ts";
import type { TeamsCommand } from "./command.ts";

export const helpCommand: TeamsCommand = {
  name: "help",
  title: "help",
  description: "What Spur can do and how to ask",
  async run(deps, ctx, args) {
    return runOnTeams(deps, ctx, "teams:help", appHelpCommand, null, { unknown: args || undefined });
  },
};
