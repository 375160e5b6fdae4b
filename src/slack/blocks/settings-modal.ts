// The `/spur settings` modal for admins. Each block id is the name of the setting it edits.
import type { types } from "@slack/bolt";
import { formatEmojiPoints, type RecognitionSettings } from "../../core/recognition/recognition-settings.ts";

export const SETTINGS_MODAL_CALLBACK = "spur_settings";
export const SETTINGS_ACTION = "value";

const text = (t: string) => ({ type: "plain_text" as const, text: t });
const option = (value: string, label: string) => ({ text: text(label), value });

function numberInput(block: keyof RecognitionSettings, label: string, value: number, hint?: string): types.KnownBlock {
  return {
    type: "input",
    block_id: block,
    label: text(label),
    ...(hint ? { hint: text(hint) } : {}),
    element: { type: "number_input", action_id: SETTINGS_ACTION, is_decimal_allowed: false, initial_value: String(value) },
  };
}

function checkbox(block: keyof RecognitionSettings, label: string, checked: boolean): types.KnownBlock {
  const yes = option("yes", label);
  return {
    type: "input",
    block_id: block,
    optional: true,
    label: text(" "),
    element: { type: "checkboxes", action_id: SETTINGS_ACTION, options: [yes], ...(checked ? { initial_options: [yes] } : {}) },
  };
}

export function settingsModal(s: RecognitionSettings): types.ModalView {
  const periods = [option("day", "per day"), option("week", "per week")];
  const visibility = [option("everyone", "Everyone"), option("leads", "Leads and admins only")];
  return {
    type: "modal",
    callback_id: SETTINGS_MODAL_CALLBACK,
    title: text("Recognition settings"),
    submit: text("Save"),
    close: text("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: "recognitionChannelId",
        optional: true,
        label: text("Recognition channel (shoutouts)"),
        element: {
          type: "conversations_select",
          action_id: SETTINGS_ACTION,
          filter: { include: ["public", "private"], exclude_bot_users: true },
          ...(s.recognitionChannelId ? { initial_conversation: s.recognitionChannelId } : {}),
        },
      },
      numberInput("allowancePoints", "Points each person can give", s.allowancePoints),
      {
        type: "input",
        block_id: "allowancePeriod",
        label: text("Allowance period (resets at midnight in the giver's team time zone)"),
        element: {
          type: "static_select",
          action_id: SETTINGS_ACTION,
          options: periods,
          initial_option: periods.find((p) => p.value === s.allowancePeriod) ?? periods[0],
        },
      },
      numberInput("maxPointsPerGift", "Most points in one gift", s.maxPointsPerGift),
      numberInput("cooldownMinutes", "Cool-down between gifts to the same person (minutes, 0 = none)", s.cooldownMinutes),
      {
        type: "input",
        block_id: "emojiPoints",
        label: text("Kudos emoji and their points"),
        hint: text("e.g. star=1, tada=3"),
        element: { type: "plain_text_input", action_id: SETTINGS_ACTION, initial_value: formatEmojiPoints(s.emojiPoints) },
      },
      {
        type: "input",
        block_id: "companyValues",
        optional: true,
        label: text("Company values"),
        hint: text("e.g. ownership, empathy, craft"),
        element: {
          type: "plain_text_input",
          action_id: SETTINGS_ACTION,
          ...(s.companyValues.length > 0 ? { initial_value: s.companyValues.join(", ") } : {}),
        },
      },
      checkbox("valueRequired", "Every kudos must name a company value", s.valueRequired),
      {
        type: "input",
        block_id: "leaderboardVisibility",
        label: text("Who can see the leaderboard"),
        element: {
          type: "static_select",
          action_id: SETTINGS_ACTION,
          options: visibility,
          initial_option: visibility.find((v) => v.value === s.leaderboardVisibility) ?? visibility[0],
        },
      },
      checkbox("notifyLead", "Tell a recipient's lead when they get kudos", s.notifyLead),
    ],
  };
}
