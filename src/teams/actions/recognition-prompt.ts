// The buttons of the weekly "Who helped you this week?" card: "Give kudos" turns it into the kudos form,
// "Not this week" records the dismissal.
import { z } from "zod";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { notice } from "../cards/direct-messages.ts";
import { type CardAction, parseCardData } from "./card-action.ts";
import { openKudosForm } from "../../use-cases/recognition/kudos-form.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { teamsKudosFormDeps } from "../teams-people-picker.ts";

const Data = z.object({ week: z.string().regex(/^\d{4}-W\d{2}$/) });

export const promptKudos: CardAction = {
  verb: CARD_VERBS.promptKudos,
  async run(deps, ctx) {
    parseCardData(Data, ctx);
    const label = `teams:${CARD_VERBS.promptKudos}`;
    return runTeamsInvoke(deps, ctx, label, openKudosForm, teamsKudosFormDeps(deps), { from: "prompt" }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};

export const promptDismiss: CardAction = {
  verb: CARD_VERBS.promptDismiss,
  async run({ services }, ctx) {
    const { week } = parseCardData(Data, ctx);
    await services.prompts.dismiss(ctx.actor.id, week);
    return { card: notice("No problem — see you next week.") };
  },
};
