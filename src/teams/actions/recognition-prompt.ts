// The buttons of the weekly "Who helped you this week?" card: "Give kudos" turns it into the kudos form,
// "Not this week" records the dismissal (the same use cases as Slack's buttons).
import { openKudosForm } from "../../use-cases/recognition/kudos-form.ts";
import { promptButtonData, promptDismiss as dismiss } from "../../use-cases/recognition/prompt-dismiss.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { teamsKudosFormDeps } from "../teams-people-picker.ts";
import type { CardAction } from "./card-action.ts";

export const promptKudos: CardAction = {
  verb: CARD_VERBS.promptKudos,
  async run(deps, ctx) {
    promptButtonData(ctx.data);
    const label = `teams:${CARD_VERBS.promptKudos}`;
    return runTeamsInvoke(deps, ctx, label, openKudosForm, teamsKudosFormDeps(deps), { from: "prompt" }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};

export const promptDismiss: CardAction = {
  verb: CARD_VERBS.promptDismiss,
  async run(deps, ctx) {
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.promptDismiss}`, dismiss, deps.services, { data: ctx.data }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
