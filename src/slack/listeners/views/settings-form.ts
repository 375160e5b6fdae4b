// Submission of the recognition settings modal, through the shared form view (form-view.ts).
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { msg } from "../../../i18n/message.ts";
import { readSettingsFormState, SETTINGS_FORM_ID, SettingsFormValues } from "../../../use-cases/recognition/settings-form.ts";
import { submitSettingsForm, unreadableSettingsMessage } from "../../../use-cases/recognition/settings-form-submit.ts";
import { slackChannelPicker } from "../../channel-picker.ts";
import { registerFormView } from "./form-view.ts";

export function registerSettingsFormView(app: ListenerTable, services: Services): void {
  registerFormView(app, services, {
    formId: SETTINGS_FORM_ID,
    name: "settings",
    readState: readSettingsFormState,
    values: SettingsFormValues,
    firstField: "recognitionChannelId",
    unreadable: unreadableSettingsMessage,
    title: msg("recognitionSettings.title"),
    submit: submitSettingsForm,
    deps: { ...services, channels: slackChannelPicker },
  });
}
