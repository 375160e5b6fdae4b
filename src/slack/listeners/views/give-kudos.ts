// Submission of the "Give kudos" modal: its values (zod) handed to the same use case as Teams' form, and any
// refusal shown next to the field it is about (response_action: errors).
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { submitKudosForm } from "../../../use-cases/recognition/kudos-form-submit.ts";
import { KUDOS_FORM_ID } from "../../../use-cases/recognition/kudos-form.ts";
import { slackPeoplePicker } from "../../people-picker.ts";
import { readKudosModalState, type StateValue, ViewSubmission } from "../../recognition-payloads.ts";
import { FIELD_ACTION, slackCallbackId } from "../../render/modal.ts";
import { plainText } from "../../render/mrkdwn.ts";
import { runSlackSubmission } from "../../run-interaction.ts";
import { DEFAULT_LOCALE } from "../../../i18n/locale.ts";
import { msg } from "../../../i18n/message.ts";

const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

export function registerGiveKudosView(app: ListenerTable, services: Services): void {
  const callbackId = slackCallbackId(KUDOS_FORM_ID);
  app.view(callbackId, async ({ ack, body, client, respond }) => {
    const parsed = ViewSubmission.safeParse(body);
    if (!parsed.success) {
      services.logger.warn({ issues: parsed.error.issues }, "malformed kudos modal submission");
      await ack({ response_action: "errors", errors: { reason: plainText(msg("kudos.form.unreadable"), DEFAULT_LOCALE) } });
      return;
    }
    const { team, user, view } = parsed.data;
    const field = (block: string): StateValue | undefined => view.state.values[block]?.[FIELD_ACTION];
    const state = readKudosModalState(view.private_metadata);
    const response = await runSlackSubmission(
      services,
      { teamId: team.id, userId: user.id, channelId: state.channelId, idempotencyKey: `slack:view:${team.id}:${view.id}`, client, respond, label: callbackId, via: "action" },
      { title: plainText(msg("kudos.form.title"), DEFAULT_LOCALE), fallbackField: "reason" },
      submitKudosForm,
      { ...services, people: slackPeoplePicker },
      {
        values: {
          recipients: field("recipients")?.selected_users ?? [],
          points: field("points")?.value ?? "",
          reason: field("reason")?.value ?? "",
          value: field("value")?.selected_option?.value ?? null,
        },
        state,
        userIds: SLACK_USER_ID,
      },
    );
    await ack(response);
  });
}
