// kudos @a @b 3 saved the Acme renewal #ownership — the same use case as Slack's /kudos; `kudos` alone opens
// the kudos form card, like /kudos alone opens Slack's modal.
import { kudosCommand as kudos } from "../../use-cases/recognition/kudos-command.ts";
import { unknownActor } from "../../core/shared/errors.ts";
import { kudosForm } from "../actions/kudos-form.ts";
import { type TeamsDeps, withErrorReplies } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";
import type { TeamsCommand } from "./command.ts";

export const kudosCommand: TeamsCommand = {
  name: "kudos",
  title: "kudos @person [points] what they did #value",
  description: "Thank one or more teammates, with optional points and company values",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    const tokens = ctx.message.tokens.slice(1);
    if (args.trim() !== "") return runOnTeams(deps, ctx, "teams:kudos", kudos, services, { tokens });
    await withErrorReplies(services, ctx, "kudos", async () => {
      const giver = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!giver) throw unknownActor();
      return ctx.reply(await kudosForm(deps, { workspace: ctx.workspace, defaultTeam: ctx.defaultTeam, giver }));
    });
  },
};
