// Submission of the feedback modal: the payload checked with zod, then the feedback use case; problems go back
// inline (`response_action: errors`). A payload that fails its schema changes nothing. Logs never name the giver.
import type { ListenerTable } from "../../listener-table.ts";
import { z } from "zod";
import type { Services } from "../../../app/services.ts";
import { DEFAULT_LOCALE } from "../../../i18n/locale.ts";
import { FEEDBACK_FIELDS, FEEDBACK_FORM, readFormState } from "../../../use-cases/feedback/feedback-form.ts";
import { submitFeedbackForm, unreadableForm } from "../../../use-cases/feedback/submit-feedback.ts";
import { plainText } from "../../render/mrkdwn.ts";
import { ViewSubmission } from "../../recognition-payloads.ts";
import { slackFormValues } from "../../form-values.ts";
import { runSlackSubmission } from "../../run-interaction.ts";

/** The callback id of feedback modals opened before the form became the shared one. */
const EARLIER_CALLBACK = "feedback_modal";
const Title = z.object({ view: z.object({ title: z.object({ text: z.string().max(200) }) }) });

export function registerFeedbackModal(app: ListenerTable, services: Services): void {
  for (const callbackId of [FEEDBACK_FORM, EARLIER_CALLBACK]) {
    app.view(callbackId, async ({ ack, body, client, respond }) => {
      const unreadable = () => ({ response_action: "errors" as const, errors: { [FEEDBACK_FIELDS.visibility]: unreadableForm().userMessage } });
      const parsed = ViewSubmission.safeParse(body);
      const state = parsed.success ? readFormState(parsed.data.view.private_metadata) : null;
      const values = parsed.success ? z.record(z.string(), z.string().max(5000).nullable()).safeParse(slackFormValues(parsed.data.view.state.values)) : null;
      if (!parsed.success || !state || !values?.success) {
        services.logger.warn("malformed or unreadable feedback view_submission");
        await ack(unreadable());
        return;
      }
      const { team, user, view } = parsed.data;
      const title = Title.safeParse(body);
      const response = await runSlackSubmission(
        services,
        {
          teamId: team.id,
          userId: user.id,
          channelId: null,
          idempotencyKey: `slack:view:${team.id}:${view.id}`,
          client,
          respond,
          label: "feedback.submit",
          via: "action",
        },
        { title: title.success ? title.data.view.title.text : plainText({ key: "feedback.form.shortTitle" }, DEFAULT_LOCALE), fallbackField: FEEDBACK_FIELDS.visibility },
        submitFeedbackForm,
        services,
        { state, values: values.data },
      );
      await ack(response);
    });
  }
}
