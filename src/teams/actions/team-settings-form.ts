// The team settings card's Save: its data checked with zod, then the same use case as Slack's modal (the
// admin always comes from the signed activity, never from the card's data).
import { z } from "zod";
import { readTeamSettingsFormState, TeamSettingsFormValues } from "../../use-cases/admin/team-settings-form.ts";
import { submitTeamSettingsForm, unreadableTeamSettingsForm } from "../../use-cases/admin/team-settings-submit.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { teamsFormDeps } from "../teams-channel-picker.ts";
import { TeamsPeoplePicker } from "../teams-people-picker.ts";
import { type CardAction, parseCardData } from "./card-action.ts";

/** The form's state, and its inputs by id (the day as a choice, the leads as comma-separated ids). */
const Data = z.object({ formState: z.string().max(3000) }).catchall(z.unknown());

export const teamSettingsFormSubmit: CardAction = {
  verb: CARD_VERBS.teamSettingsSubmit,
  async run(deps, ctx) {
    const { formState, ...inputs } = parseCardData(Data, ctx);
    const state = readTeamSettingsFormState(formState);
    const strings = Object.entries(inputs).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : typeof v === "number" ? [[k, String(v)]] : []));
    const values = TeamSettingsFormValues.safeParse(Object.fromEntries(strings));
    if (!state || !values.success) throw unreadableTeamSettingsForm();
    const formDeps = { ...teamsFormDeps(deps), people: new TeamsPeoplePicker(deps) };
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.teamSettingsSubmit}`, submitTeamSettingsForm, formDeps, { state, values: values.data }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
