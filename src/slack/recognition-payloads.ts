// zod schemas for the interactive and event payloads of recognition: modal submissions, buttons,
// reactions and the message shortcut. Anything else in a payload is ignored.
import { z } from "zod";
import { KudosFormState } from "../use-cases/recognition/kudos-form.ts";

const UserId = z.string().regex(/^[UW][A-Z0-9]+$/);

/** A value in a modal's state, as Slack sends it per element type. */
export const StateValue = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_users: z.array(z.string()).nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).nullish(),
  selected_conversation: z.string().nullish(),
  selected_channel: z.string().nullish(),
});
export type StateValue = z.infer<typeof StateValue>;

export const ViewSubmission = z.object({
  type: z.literal("view_submission"),
  team: z.object({ id: z.string().min(1) }),
  user: z.object({ id: UserId }),
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string().default(""),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), StateValue)) }),
  }),
});
export type ViewSubmission = z.infer<typeof ViewSubmission>;

export const BlockAction = z.object({
  type: z.literal("block_actions"),
  team: z.object({ id: z.string().min(1) }),
  user: z.object({ id: UserId }),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

export const ReactionEvent = z.object({
  type: z.enum(["reaction_added", "reaction_removed"]),
  user: UserId,
  reaction: z.string().min(1),
  item_user: z.string().optional(),
  item: z.object({ type: z.string(), channel: z.string().optional(), ts: z.string().optional() }),
  event_ts: z.string().regex(/^\d{1,14}(\.\d{1,6})?$/).optional(),
});
export type ReactionEvent = z.infer<typeof ReactionEvent>;

export const EventEnvelope = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
});

export const MessageShortcut = z.object({
  type: z.literal("message_action"),
  callback_id: z.string(),
  trigger_id: z.string().min(1),
  team: z.object({ id: z.string().min(1) }),
  user: z.object({ id: UserId }),
  channel: z.object({ id: z.string().min(1) }),
  message: z.object({ user: z.string().optional(), text: z.string().default(""), ts: z.string() }),
});

/**
 * The kudos modal's private_metadata as the form's state; a modal opened by an earlier version names the
 * message link `sourceRef`. Unreadable metadata is a form opened by `/kudos` alone.
 */
export function readKudosModalState(raw: string): KudosFormState {
  try {
    const data = JSON.parse(raw || "{}") as unknown;
    const legacy = typeof data === "object" && data !== null && !("messageLink" in data) && "sourceRef" in data ? { ...data, messageLink: data.sourceRef } : data;
    return KudosFormState.parse(legacy);
  } catch {
    return KudosFormState.parse({});
  }
}
