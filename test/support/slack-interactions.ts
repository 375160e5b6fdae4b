// Builders for the interactive payloads Slack sends (block_actions, view_submission), for the harness to sign.
import { TEAM_ID } from "./spur-harness.ts";

let counter = 0;

export function blockAction(input: { user: string; actionId: string; value: string; responseUrl: string }): Record<string, unknown> {
  counter += 1;
  return {
    type: "block_actions",
    team: { id: TEAM_ID, domain: "spur-test" },
    user: { id: input.user, username: input.user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: "ASPUR",
    token: "legacy-verification-token",
    trigger_id: `action-${Date.now()}-${counter}`,
    response_url: input.responseUrl,
    container: { type: "message", channel_id: `D${input.user}`, message_ts: "1.000001", is_ephemeral: false },
    channel: { id: `D${input.user}`, name: "directmessage" },
    actions: [{ type: "button", action_id: input.actionId, block_id: "b1", value: input.value, action_ts: `${Date.now() / 1000}` }],
  };
}

export interface FeedbackAnswers {
  ratings: Record<string, string | null>;
  keepDoing?: string | null;
  improve?: string | null;
  visibility?: "named" | "anonymous" | string | null;
}

/** A view_submission of the feedback modal Spur opened (`view` as sent to views.open). */
export function feedbackSubmission(input: { user: string; view: Record<string, unknown>; answers: FeedbackAnswers }): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const [key, score] of Object.entries(input.answers.ratings)) {
    values[`rating_${key}`] = { score: { type: "static_select", selected_option: score === null ? null : { value: score, text: { type: "plain_text", text: score } } } };
  }
  values.keep_doing = { text: { type: "plain_text_input", value: input.answers.keepDoing ?? null } };
  values.improve = { text: { type: "plain_text_input", value: input.answers.improve ?? null } };
  const visibility = input.answers.visibility === undefined ? "anonymous" : input.answers.visibility;
  values.visibility = { choice: { type: "radio_buttons", selected_option: visibility === null ? null : { value: visibility } } };
  counter += 1;
  return {
    type: "view_submission",
    team: { id: TEAM_ID, domain: "spur-test" },
    user: { id: input.user, username: input.user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: "ASPUR",
    token: "legacy-verification-token",
    trigger_id: `view-${Date.now()}-${counter}`,
    view: {
      id: `V${counter}`,
      team_id: TEAM_ID,
      type: "modal",
      callback_id: input.view.callback_id,
      private_metadata: input.view.private_metadata,
      blocks: input.view.blocks,
      state: { values },
      hash: "1.abc",
      app_id: "ASPUR",
    },
  };
}

export const ALL_FIVES = { helpfulness: "5", knowledge: "5", communication: "5", collaboration: "5" };
