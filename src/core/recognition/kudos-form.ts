// The kudos form (Slack's modal, Teams' card): the same fields, validation messages and refusal placement on
// both platforms. Platforms deliver the raw values; this turns them into a give command or field errors.
import { z } from "zod";
import { msg, type Msg } from "../../i18n/message.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { ErrorCode } from "../shared/errors.ts";
import type { GiveKudosText } from "./kudos-command.ts";

export type KudosFormField = "recipients" | "points" | "reason" | "value";
export type KudosFormErrors = Partial<Record<KudosFormField, Msg>>;

export interface KudosFormInput {
  /** Platform user ids of the picked people. */
  recipients: string[];
  points: string;
  reason: string;
  value: string | null;
}

export const MAX_FORM_RECIPIENTS = 10;
export const MAX_FORM_REASON = 500;

/** Each rule's message, by the catalogue key zod carries as the issue's message. */
const PARAMS: Partial<Record<MessageKey, Record<string, number>>> = {
  "kudos.form.tooManyRecipients": { max: MAX_FORM_RECIPIENTS },
  "kudos.form.reasonTooLong": { max: MAX_FORM_REASON },
};

function formSchema(platformUserId: RegExp) {
  return z.object({
    recipients: z
      .array(z.string().regex(platformUserId, "kudos.form.pickFromList"))
      .min(1, "kudos.form.noRecipients")
      .max(MAX_FORM_RECIPIENTS, "kudos.form.tooManyRecipients"),
    points: z.coerce.number({ error: "kudos.form.pointsNotNumber" }).int("kudos.form.pointsNotWhole").min(1, "kudos.form.pointsTooFew"),
    reason: z.string().trim().min(1, "kudos.form.noReason").max(MAX_FORM_REASON, "kudos.form.reasonTooLong"),
    value: z.string().nullable(),
  });
}

function issueMessage(message: string): Msg {
  const key = message as MessageKey;
  return msg(key, PARAMS[key]);
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
      errors[field] ??= issueMessage(issue.message);
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
