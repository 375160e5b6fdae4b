// The peer feedback form, the same on every surface: a 1–5 rating per dimension, "keep doing" and "improve"
// comments, and whether the giver's name is shown (anonymous unless they pick named). Its state names the
// subject and request; the giver always comes from the platform's signed payload.
import { z } from "zod";
import { effectiveThreshold, type FeedbackFormErrors, type FeedbackFormInput, MAX_FEEDBACK_COMMENT } from "../../core/feedback/feedback.ts";
import type { FeedbackRepository } from "../../core/feedback/feedback-ports.ts";
import type { Member } from "../../core/shared/model.ts";
import { msg } from "../../i18n/message.ts";
import type { Field, Form } from "../form.ts";

/** The form's id: Teams' Action.Execute verb and Slack's callback id. */
export const FEEDBACK_FORM = "feedback.submit";

export const FEEDBACK_FIELDS = { keepDoing: "keep_doing", improve: "improve", visibility: "visibility" } as const;

export function ratingFieldId(dimensionKey: string): string {
  return `rating_${dimensionKey}`;
}

/** Core's field names (`rating:<key>`, `keep_doing` …) → the form's field ids. */
export function fieldIdOf(coreField: string): string {
  return coreField.startsWith("rating:") ? ratingFieldId(coreField.slice("rating:".length)) : coreField;
}

/** What the form carries from opening to submission. */
export const FeedbackFormState = z.object({
  v: z.literal(1),
  subjectId: z.string().uuid(),
  requestId: z.string().uuid().nullable(),
});
export type FeedbackFormState = z.infer<typeof FeedbackFormState>;

/** The state as the form carried it back, or null when it is unreadable. */
export function readFormState(raw: string): FeedbackFormState | null {
  try {
    const parsed = FeedbackFormState.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A submission's values by field id, as the surface read them (zod-checked strings, possibly missing). */
export const FeedbackFormValues = z.record(z.string().max(100), z.string().max(5000).nullable().optional());
export type FeedbackFormValues = z.infer<typeof FeedbackFormValues>;

export function formInput(dimensionKeys: string[], values: FeedbackFormValues): FeedbackFormInput {
  return {
    ratings: Object.fromEntries(dimensionKeys.map((key) => [key, values[ratingFieldId(key)]])),
    keepDoing: values[FEEDBACK_FIELDS.keepDoing],
    improve: values[FEEDBACK_FIELDS.improve],
    visibility: values[FEEDBACK_FIELDS.visibility],
  };
}

const SCORES = ["1", "2", "3", "4", "5"];

export async function feedbackForm(
  deps: { feedback: FeedbackRepository },
  input: { workspaceId: string; subject: Member; requestId: string | null; values?: FeedbackFormValues; errors?: FeedbackFormErrors },
): Promise<Form> {
  const [dimensions, configured] = await Promise.all([deps.feedback.dimensions(input.workspaceId), deps.feedback.anonymityThreshold(input.workspaceId)]);
  const values = input.values ?? {};
  const name = input.subject.displayName;
  const text = (id: string, label: "feedback.form.keepDoing" | "feedback.form.improve", placeholder: "feedback.form.keepDoingPlaceholder" | "feedback.form.improvePlaceholder"): Field => ({
    kind: "text",
    id,
    label: msg(label),
    placeholder: msg(placeholder),
    multiline: true,
    maxLength: MAX_FEEDBACK_COMMENT,
    optional: true,
    ...(values[id] ? { initial: values[id] ?? "" } : {}),
  });
  const fields: Field[] = [
    ...dimensions.map((d): Field => {
      const chosen = values[ratingFieldId(d.key)];
      return {
        kind: "select",
        id: ratingFieldId(d.key),
        label: msg("feedback.form.dimension", { label: d.label }),
        choices: SCORES.map((score) => ({ value: score, label: msg("feedback.form.score", { score }) })),
        ...(chosen ? { initial: chosen } : {}),
      };
    }),
    text(FEEDBACK_FIELDS.keepDoing, "feedback.form.keepDoing", "feedback.form.keepDoingPlaceholder"),
    text(FEEDBACK_FIELDS.improve, "feedback.form.improve", "feedback.form.improvePlaceholder"),
    {
      kind: "radio",
      id: FEEDBACK_FIELDS.visibility,
      label: msg("feedback.form.visibility"),
      choices: [
        { value: "named", label: msg("feedback.form.named", { name }) },
        { value: "anonymous", label: msg("feedback.form.anonymous", { threshold: effectiveThreshold(configured) }) },
      ],
      initial: values[FEEDBACK_FIELDS.visibility] === "named" ? "named" : "anonymous",
    },
  ];
  const errors = Object.fromEntries(Object.entries(input.errors ?? {}).map(([field, message]) => [fieldIdOf(field), message]));
  const state: FeedbackFormState = { v: 1, subjectId: input.subject.id, requestId: input.requestId };
  return {
    id: FEEDBACK_FORM,
    title: msg("feedback.form.title", { name }),
    shortTitle: msg("feedback.form.shortTitle"),
    submit: msg("feedback.form.send"),
    state: JSON.stringify(state),
    notice: msg("feedback.form.intro", { name }),
    fields,
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  };
}
