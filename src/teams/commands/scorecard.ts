// scorecard [@agent] [period] — the same use case as Slack's /scorecard. Teams has no ephemeral messages: the
// runner shows a scorecard asked for in a channel or group chat in the asker's personal chat instead.
import { msg } from "../../i18n/message.ts";
import { SCORECARD_CONFIDENTIAL, scorecardCommand as scorecard } from "../../use-cases/kpi/scorecard-command.ts";
import type { TeamsDeps } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";
import type { TeamsCommand } from "./command.ts";

/** Why a scorecard button is refused outside a personal chat, naming what to send there. */
export const SCORECARD_PRIVATE_REFUSAL = msg("private.askInPersonalChat", { ...SCORECARD_CONFIDENTIAL });

export const scorecardCommand: TeamsCommand = {
  name: "scorecard",
  title: "scorecard [@agent]",
  description: "Your kudos and KPIs this week, or a team member's (leads and admins)",
  async run(deps: TeamsDeps, ctx) {
    const tokens = ctx.message.tokens.slice(1);
    await runOnTeams(deps, ctx, "teams:scorecard", scorecard, deps.services, { tokens });
  },
};
