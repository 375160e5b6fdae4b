// Block Kit for `/spur forget`: the confirmation the admin must click before anything is erased.
import { forgetConfirmationText } from "../../core/data-rights/member-erasure.ts";
import type { Member } from "../../core/shared/model.ts";
import { escapeMrkdwn } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export const FORGET_CONFIRM_ACTION = "data_rights_forget_confirm";

export function forgetConfirmation(target: Member): SlackMessage {
  const text = forgetConfirmationText(target);
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `:warning: ${escapeMrkdwn(text)}` } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: FORGET_CONFIRM_ACTION,
            style: "danger",
            text: { type: "plain_text", text: `Erase ${target.displayName.slice(0, 60)}'s data` },
            // Spur's member id, checked again against the workspace when clicked.
            value: target.id,
            confirm: {
              title: { type: "plain_text", text: "Erase personal data?" },
              text: { type: "mrkdwn", text: "This cannot be undone." },
              confirm: { type: "plain_text", text: "Erase" },
              deny: { type: "plain_text", text: "Cancel" },
            },
          },
        ],
      },
    ],
  };
}
