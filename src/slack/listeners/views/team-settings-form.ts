// Submission of the team settings modal, through the shared form view (form-view.ts).
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { TEAM_FORM_FIELDS } from "../../../core/admin/team-settings-form.ts";
import { msg } from "../../../i18n/message.ts";
import { readTeamSettingsFormState, TEAM_SETTINGS_FORM_ID, TeamSettingsFormValues } from "../../../use-cases/admin/team-settings-form.ts";
import { submitTeamSettingsForm, unreadableTeamSettingsMessage } from "../../../use-cases/admin/team-settings-submit.ts";
import { slackChannelPicker } from "../../channel-picker.ts";
import { slackPeoplePicker } from "../../people-picker.ts";
import { registerFormView } from "./form-view.ts";

export function registerTeamSettingsFormView(app: ListenerTable, services: Services): void {
  registerFormView(app, services, {
    formId: TEAM_SETTINGS_FORM_ID,
    name: "team settings",
    readState: readTeamSettingsFormState,
    values: TeamSettingsFormValues,
    firstField: TEAM_FORM_FIELDS.name,
    unreadable: unreadableTeamSettingsMessage,
    title: msg("teamForm.shortTitle"),
    submit: submitTeamSettingsForm,
    deps: { ...services, channels: slackChannelPicker, people: slackPeoplePicker },
  });
}
