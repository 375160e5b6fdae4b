// kudos @a @b 3 saved the Acme renewal #ownership — the same use case as Slack's /kudos; `kudos` alone opens
// the kudos form card, like /kudos alone opens Slack's modal.
import { kudosCommand as kudos } from "../../use-cases/recognition/kudos-command.ts";
import { openKudosForm } from "../../use-cases/recognition/kudos-form.ts";
import { runOnTeams } from "../run-interaction.ts";
import { teamsKudosFormDeps } from "../teams-people-picker.ts";
import type { TeamsCommand } from "./command.ts";

export const kudosCommand: TeamsCommand = {
  name: "kudos",
  title: "kudos @person [points] what they did #value",
  description: "Thank one or more teammates, with optional points and company values",
  async run(deps, ctx, args) {
    const tokens = ctx.message.tokens.slice(1);
    if (args.trim() !== "") return runOnTeams(deps, ctx, "teams:kudos", kudos, deps.services, { tokens });
    return runOnTeams(deps, ctx, "teams:kudos", openKudosForm, teamsKudosFormDeps(deps), { from: "command" });
  },
};
