// The recognition settings card's Save: its data checked with zod, then the same use case as Slack's modal
// (the admin always comes from the signed activity, never from the card's data).
import { z } from "zod";
import { readSettingsFormState, SettingsFormValues } from "../../use-cases/recognition/settings-form.ts";
import { submitSettingsForm, unreadableSettingsForm } from "../../use-cases/recognition/settings-form-submit.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { teamsFormDeps } from "../teams-channel-picker.ts";
import { type CardAction, parseCardData } from "./card-action.ts";

/** The form's state, and its inputs by id (numbers may come as numbers, toggles as "true"/"false"). */
const Data = z.object({ formState: z.string().max(3000) }).catchall(z.unknown());

export const settingsFormSubmit: CardAction = {
  verb: CARD_VERBS.settingsSubmit,
  async run(deps, ctx) {
    const { formState, ...inputs } = parseCardData(Data, ctx);
    const state = readSettingsFormState(formState);
    const strings = Object.entries(inputs).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : typeof v === "number" || typeof v === "boolean" ? [[k, String(v)]] : []));
    const values = SettingsFormValues.safeParse(Object.fromEntries(strings));
    if (!state || !values.success) throw unreadableSettingsForm();
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.settingsSubmit}`, submitSettingsForm, teamsFormDeps(deps), { state, values: values.data }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
