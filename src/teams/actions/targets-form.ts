// The KPI targets card's Save: its data checked with zod, then the same use case as Slack's modal (the lead
// or admin always comes from the signed activity, never from the card's data).
import { z } from "zod";
import { readTargetsFormState, TargetsFormValues } from "../../use-cases/kpi/targets-form.ts";
import { submitTargetsForm, unreadableTargetsForm } from "../../use-cases/kpi/targets-form-submit.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { type CardAction, parseCardData } from "./card-action.ts";

/** The form's state, and its inputs by id (numbers may come as numbers, an emptied one as ""). */
const Data = z.object({ formState: z.string().max(3000) }).catchall(z.unknown());

export const targetsFormSubmit: CardAction = {
  verb: CARD_VERBS.targetsSubmit,
  async run(deps, ctx) {
    const { formState, ...inputs } = parseCardData(Data, ctx);
    const state = readTargetsFormState(formState);
    const strings = Object.entries(inputs).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : typeof v === "number" ? [[k, String(v)]] : []));
    const values = TargetsFormValues.safeParse(Object.fromEntries(strings));
    if (!state || !values.success) throw unreadableTargetsForm();
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.targetsSubmit}`, submitTargetsForm, deps.services, { state, values: values.data }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
