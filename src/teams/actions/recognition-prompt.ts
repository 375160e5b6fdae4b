// The buttons of the weekly "Who helped you this week?" card: "Give kudos" turns it into the kudos form,
// "Not this week" records the dismissal (the same use case as Slack's button).
import { promptButtonData, promptDismiss as dismiss } from "../../use-cases/recognition/prompt-dismiss.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import type { CardAction } from "./card-action.ts";
import { kudosForm } from "./kudos-form.ts";

const PROMPT_TEXT = "Who helped you this week? A quick kudos makes their day.";

export const promptKudos: CardAction = {
  verb: CARD_VERBS.promptKudos,
  async run(deps, ctx) {
    promptButtonData(ctx.data);
    return { card: await kudosForm(deps, { workspace: ctx.workspace, defaultTeam: ctx.defaultTeam, giver: ctx.actor, intro: PROMPT_TEXT }) };
  },
};

export const promptDismiss: CardAction = {
  verb: CARD_VERBS.promptDismiss,
  async run(deps, ctx) {
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.promptDismiss}`, dismiss, deps.services, { data: ctx.data }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
