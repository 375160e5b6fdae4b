// scorecard [@agent] [period] — the same use case as Slack's /scorecard, shown only in a personal chat: Teams
// has no ephemeral messages, so a scorecard asked for in a channel or group chat goes to the personal chat.
import { command, msg } from "../../i18n/message.ts";
import { scorecardCommand as scorecard } from "../../use-cases/kpi/scorecard-command.ts";
import type { TeamsDeps } from "../command-context.ts";
import { runPrivatelyOnTeams } from "../private-reply.ts";
import type { TeamsCommand } from "./command.ts";

export const SCORECARD_PRIVATE = {
  refusal: msg("scorecard.private.personalChatOnly", { command: command("scorecard") }),
  sent: msg("scorecard.private.sentToPersonalChat"),
};

export const scorecardCommand: TeamsCommand = {
  name: "scorecard",
  title: "scorecard [@agent]",
  description: "Your kudos and KPIs this week, or a team member's (leads and admins)",
  async run(deps: TeamsDeps, ctx) {
    const tokens = ctx.message.tokens.slice(1);
    await runPrivatelyOnTeams(deps, ctx, "teams:scorecard", scorecard, deps.services, { tokens }, SCORECARD_PRIVATE);
  },
};
