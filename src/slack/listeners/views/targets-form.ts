// Submission of the KPI targets modal: its values (zod) handed to the same use case as Teams' card, each
// problem shown under its field (response_action: errors). A payload that fails its schema changes nothing.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { targetField } from "../../../core/kpi/targets-form.ts";
import { DEFAULT_LOCALE } from "../../../i18n/locale.ts";
import { msg } from "../../../i18n/message.ts";
import { readTargetsFormState, TARGETS_FORM_ID, TargetsFormValues } from "../../../use-cases/kpi/targets-form.ts";
import { submitTargetsForm, unreadableTargetsMessage } from "../../../use-cases/kpi/targets-form-submit.ts";
import { slackFormValues } from "../../form-values.ts";
import { ViewSubmission } from "../../recognition-payloads.ts";
import { slackCallbackId } from "../../render/modal.ts";
import { plainText } from "../../render/mrkdwn.ts";
import { runSlackSubmission } from "../../run-interaction.ts";

/** Where a refusal that is about no one field is shown: the first field. */
const FIRST_FIELD = targetField("csat");

export function registerTargetsFormView(app: App, services: Services): void {
  const callbackId = slackCallbackId(TARGETS_FORM_ID);
  app.view(callbackId, async ({ ack, body, client, respond }) => {
    const parsed = ViewSubmission.safeParse(body);
    const state = parsed.success ? readTargetsFormState(parsed.data.view.private_metadata) : null;
    const values = parsed.success ? TargetsFormValues.safeParse(slackFormValues(parsed.data.view.state.values)) : null;
    if (!parsed.success || !state || !values?.success) {
      services.logger.warn("malformed or unreadable targets view_submission");
      await ack({ response_action: "errors", errors: { [FIRST_FIELD]: plainText(unreadableTargetsMessage(), DEFAULT_LOCALE) } });
      return;
    }
    const { team, user, view } = parsed.data;
    const response = await runSlackSubmission(
      services,
      { teamId: team.id, userId: user.id, channelId: state.channelId, idempotencyKey: `slack:view:${team.id}:${view.id}`, client, respond, label: callbackId, via: "action" },
      { title: plainText(msg("targetsForm.shortTitle"), DEFAULT_LOCALE), fallbackField: FIRST_FIELD },
      submitTargetsForm,
      services,
      { state, values: values.data },
    );
    await ack(response);
  });
}
