// The kudos form (Slack's modal, Teams' card): the same fields, validation messages and refusal placement on
// both platforms. Platforms deliver the raw values; this turns them into a give command or field errors.
import { z } from "zod";
import { ErrorCode } from "../shared/errors.ts";
import type { GiveKudosText } from "./kudos-command.ts";

export type KudosFormField = "recipients" | "points" | "reason" | "value";
export type KudosFormErrors = Partial<Record<KudosFormField, string>>;

export interface KudosFormInput {
  /** Platform user ids of the picked people. */
  recipients: string[];
  points: string;
  reason: string;
  value: string | null;
}

export const MAX_FORM_RECIPIENTS = 10;
export const MAX_FORM_REASON = 500;

function formSchema(platformUserId: RegExp) {
  return z.object({
    recipients: z
      .array(z.string().regex(platformUserId, "Pick teammates from the list."))
      .min(1, "Pick at least one teammate.")
      .max(MAX_FORM_RECIPIENTS, `At most ${MAX_FORM_RECIPIENTS} people at once.`),
    points: z.coerce.number({ error: "Points must be a number." }).int("Points must be a whole number.").min(1, "Give at least 1 point."),
    reason: z.string().trim().min(1, "Say what they did.").max(MAX_FORM_REASON, `Please keep it under ${MAX_FORM_REASON} characters.`),
    value: z.string().nullable(),
  });
}

/** Checks the form's values; a platform id that doesn't match `platformUserId` fails as "pick a teammate". */
export function validateKudosForm(
  input: KudosFormInput,
  platformUserId: RegExp,
): { ok: true; command: GiveKudosText } | { ok: false; errors: KudosFormErrors } {
  const form = formSchema(platformUserId).safeParse(input);
  if (!form.success) {
    const errors: KudosFormErrors = {};
    for (const issue of form.error.issues) {
      const field = issue.path[0] as KudosFormField;
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  return {
    ok: true,
    command: {
      kind: "give",
      recipients: form.data.recipients.map((id) => ({ kind: "id" as const, id })),
      points: form.data.points,
      reason: form.data.reason,
      values: form.data.value ? [form.data.value] : [],
    },
  };
}

const FIELD_OF: Partial<Record<ErrorCode, KudosFormField>> = {
  [ErrorCode.SelfKudos]: "recipients",
  [ErrorCode.BotRecipient]: "recipients",
  [ErrorCode.DeactivatedMember]: "recipients",
  [ErrorCode.UnknownUser]: "recipients",
  [ErrorCode.Cooldown]: "recipients",
  [ErrorCode.InvalidPoints]: "points",
  [ErrorCode.AllowanceExceeded]: "points",
  [ErrorCode.UnknownValue]: "value",
  [ErrorCode.ValueRequired]: "value",
  [ErrorCode.MissingReason]: "reason",
  [ErrorCode.ReasonTooLong]: "reason",
};

/** The form field a refusal of the core's giveKudos belongs next to (the reason field when none fits). */
export function kudosFormFieldFor(code: ErrorCode): KudosFormField {
  return FIELD_OF[code] ?? "reason";
}
