// feedback @agent | request @agent from @a @b … | mine | report @agent | team | dimensions … | threshold N — the
// same use case as Slack's /feedback. The form and results are shown only in the sender's personal chat, so
// nobody else sees who answered or what; the anonymity guarantees are the core's.
import { feedbackCommand as feedback } from "../../use-cases/feedback/feedback-command.ts";
import type { TeamsDeps } from "../command-context.ts";
import { runOnTeams } from "../run-interaction.ts";
import type { TeamsCommand } from "./command.ts";

export const feedbackCommand: TeamsCommand = {
  name: "feedback",
  title: "feedback @agent | request | mine",
  description: "Give a teammate 360° feedback, ask peers for it (leads), or see your own",
  async run(deps: TeamsDeps, ctx) {
    return runOnTeams(deps, ctx, "teams:feedback", feedback, deps.services, { tokens: ctx.message.tokens.slice(1) });
  },
};
