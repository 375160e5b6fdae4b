// Builders of the Slack payloads recognition receives: kudos modal submissions, reactions, shortcuts.
let viewCounter = 0;

export interface KudosForm {
  recipients?: string[];
  points?: string;
  reason?: string;
  value?: string | null;
}

export function kudosSubmission(user: string, form: KudosForm, options: { viewId?: string; metadata?: Record<string, unknown> } = {}) {
  viewCounter += 1;
  return {
    type: "view_submission",
    user: { id: user, name: user.toLowerCase() },
    trigger_id: `trigger-view-${viewCounter}`,
    view: {
      id: options.viewId ?? `VKUDOS${viewCounter}`,
      type: "modal",
      callback_id: "give_kudos",
      private_metadata: JSON.stringify(options.metadata ?? { channelId: "CGENERAL", sourceRef: null, source: "modal" }),
      state: {
        values: {
          recipients: { value: { type: "multi_users_select", selected_users: form.recipients ?? [] } },
          points: { value: { type: "number_input", value: form.points ?? "1" } },
          reason: { value: { type: "plain_text_input", value: form.reason ?? null } },
          value: { value: { type: "static_select", selected_option: form.value ? { value: form.value } : null } },
        },
      },
    },
  };
}

export function reaction(
  type: "reaction_added" | "reaction_removed",
  giver: string,
  author: string,
  message: { channel: string; ts: string },
  emoji = "star",
) {
  return {
    type,
    user: giver,
    reaction: emoji,
    item_user: author,
    item: { type: "message", channel: message.channel, ts: message.ts },
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
  };
}

export function messageShortcut(user: string, message: { channel: string; ts: string; text: string; author: string }) {
  return {
    type: "message_action",
    callback_id: "give_kudos_for_message",
    trigger_id: `trigger-shortcut-${message.ts}`,
    response_url: "https://hooks.example/unused",
    user: { id: user, name: user.toLowerCase() },
    channel: { id: message.channel, name: "support" },
    message: { type: "message", user: message.author, text: message.text, ts: message.ts },
    message_ts: message.ts,
  };
}
