// Submission of the KPI targets modal, through the shared form view (form-view.ts).
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { targetField } from "../../../core/kpi/targets-form.ts";
import { msg } from "../../../i18n/message.ts";
import { readTargetsFormState, TARGETS_FORM_ID, TargetsFormValues } from "../../../use-cases/kpi/targets-form.ts";
import { submitTargetsForm, unreadableTargetsMessage } from "../../../use-cases/kpi/targets-form-submit.ts";
import { registerFormView } from "./form-view.ts";

export function registerTargetsFormView(app: ListenerTable, services: Services): void {
  registerFormView(app, services, {
    formId: TARGETS_FORM_ID,
    name: "targets",
    readState: readTargetsFormState,
    values: TargetsFormValues,
    firstField: targetField("csat"),
    unreadable: unreadableTargetsMessage,
    title: msg("targetsForm.shortTitle"),
    submit: submitTargetsForm,
    deps: services,
  });
}
