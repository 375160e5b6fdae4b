// The "Give kudos" modal, opened by `/kudos` with no text and by the message shortcut.
import type { types } from "@slack/bolt";
import type { RecognitionSettings } from "../../core/recognition/recognition-settings.ts";
import type { KudosModalMetadata } from "../recognition-payloads.ts";

export const KUDOS_MODAL_CALLBACK = "give_kudos";
export const KUDOS_BLOCKS = { recipients: "recipients", points: "points", reason: "reason", value: "value" } as const;
export const ACTION = "value";

export function kudosModal(
  settings: RecognitionSettings,
  prefill: { users?: string[]; reason?: string; permalink?: string | null },
  metadata: KudosModalMetadata,
): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (prefill.permalink) {
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `For <${prefill.permalink}|this message>` }] });
  }
  blocks.push(
    {
      type: "input",
      block_id: KUDOS_BLOCKS.recipients,
      label: { type: "plain_text", text: "Who?" },
      element: {
        type: "multi_users_select",
        action_id: ACTION,
        placeholder: { type: "plain_text", text: "Pick one or more teammates" },
        ...(prefill.users && prefill.users.length > 0 ? { initial_users: prefill.users } : {}),
      },
    },
    {
      type: "input",
      block_id: KUDOS_BLOCKS.points,
      label: { type: "plain_text", text: `Points each (1–${settings.maxPointsPerGift})` },
      element: {
        type: "number_input",
        action_id: ACTION,
        is_decimal_allowed: false,
        initial_value: "1",
        min_value: "1",
        max_value: String(settings.maxPointsPerGift),
      },
    },
    {
      type: "input",
      block_id: KUDOS_BLOCKS.reason,
      label: { type: "plain_text", text: "What did they do?" },
      element: {
        type: "plain_text_input",
        action_id: ACTION,
        multiline: true,
        ...(prefill.reason ? { initial_value: prefill.reason.slice(0, 500) } : {}),
      },
    },
  );
  if (settings.companyValues.length > 0) {
    blocks.push({
      type: "input",
      block_id: KUDOS_BLOCKS.value,
      optional: !settings.valueRequired,
      label: { type: "plain_text", text: "Company value" },
      element: {
        type: "static_select",
        action_id: ACTION,
        options: settings.companyValues.slice(0, 100).map((v) => ({ text: { type: "plain_text", text: `#${v}` }, value: v })),
      },
    });
  }
  return {
    type: "modal",
    callback_id: KUDOS_MODAL_CALLBACK,
    title: { type: "plain_text", text: "Give kudos" },
    submit: { type: "plain_text", text: "Send" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}
