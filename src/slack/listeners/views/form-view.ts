// Submission of a shared form's modal (settings, targets): the payload and its values checked with zod, then the
// form's submit use case — the one Teams' card runs too; each problem is shown under its field
// (response_action: errors). A payload that fails its schema changes nothing.
import type { ListenerTable } from "../../listener-table.ts";
import type { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { DEFAULT_LOCALE } from "../../../i18n/locale.ts";
import type { Msg } from "../../../i18n/message.ts";
import type { Interaction } from "../../../use-cases/interaction.ts";
import { slackFormValues } from "../../form-values.ts";
import { ViewSubmission } from "../../recognition-payloads.ts";
import { slackCallbackId } from "../../render/modal.ts";
import { plainText } from "../../render/mrkdwn.ts";
import { runSlackSubmission } from "../../run-interaction.ts";

export interface FormView<Deps, State extends { channelId: string | null }, Values> {
  formId: string;
  /** For the log line of an unreadable submission ("settings"). */
  name: string;
  readState(privateMetadata: string): State | null;
  values: z.ZodType<Values>;
  /** Where a refusal that is about no one field is shown. */
  firstField: string;
  unreadable(): Msg;
  title: Msg;
  submit: Interaction<Deps, { state: State; values: Values }>;
  deps: Deps;
}

export function registerFormView<Deps, State extends { channelId: string | null }, Values>(
  app: ListenerTable,
  services: Services,
  form: FormView<Deps, State, Values>,
): void {
  const callbackId = slackCallbackId(form.formId);
  app.view(callbackId, async ({ ack, body, client, respond }) => {
    const parsed = ViewSubmission.safeParse(body);
    const state = parsed.success ? form.readState(parsed.data.view.private_metadata) : null;
    const values = parsed.success ? form.values.safeParse(slackFormValues(parsed.data.view.state.values)) : null;
    if (!parsed.success || !state || !values?.success) {
      services.logger.warn(`malformed or unreadable ${form.name} view_submission`);
      await ack({ response_action: "errors", errors: { [form.firstField]: plainText(form.unreadable(), DEFAULT_LOCALE) } });
      return;
    }
    const { team, user, view } = parsed.data;
    const response = await runSlackSubmission(
      services,
      { teamId: team.id, userId: user.id, channelId: state.channelId, idempotencyKey: `slack:view:${team.id}:${view.id}`, client, respond, label: callbackId, via: "action" },
      { title: plainText(form.title, DEFAULT_LOCALE), fallbackField: form.firstField },
      form.submit,
      form.deps,
      { state, values: values.data },
    );
    await ack(response);
  });
}
