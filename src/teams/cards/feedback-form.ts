// The peer feedback form card: a 1–5 rating per dimension, "keep doing" and "improve" comments, and whether
// the giver's name is shown — the same form as Slack's modal, with refusals under the field they are about.
import { MAX_FEEDBACK_COMMENT } from "../../core/feedback/feedback.ts";
import type { FeedbackDimension } from "../../core/feedback/feedback-model.ts";
import type { Member } from "../../core/shared/model.ts";
import { FEEDBACK_SCORES, visibilityChoices } from "../../core/shared/wording.ts";
import { card, type CardElement, escapeMarkdown, heading, type TeamsMessage, textBlock } from "./adaptive-card.ts";
import { actionSet, CARD_VERBS, executeAction, fieldError } from "./card-actions.ts";

/** Input ids: core fields are `rating:<key>`, `keep_doing`, `improve` and `visibility`; card ids avoid the colon. */
export function ratingInputId(dimensionKey: string): string {
  return `rating_${dimensionKey}`;
}

export interface FeedbackFormValues {
  ratings: Record<string, string | undefined>;
  keepDoing?: string | undefined;
  improve?: string | undefined;
  visibility?: string | undefined;
}

export interface FeedbackFormCardInput {
  subject: Member;
  dimensions: FeedbackDimension[];
  threshold: number;
  requestId: string | null;
  values?: FeedbackFormValues;
  /** Core field → message. */
  errors?: Record<string, string>;
  /** Shown above the form (e.g. why it came back). */
  notice?: string;
}

function comment(id: string, label: string, placeholder: string, value: string | undefined, error: string | undefined): CardElement[] {
  return [
    { type: "Input.Text", id, label, placeholder, isMultiline: true, maxLength: MAX_FEEDBACK_COMMENT, ...(value ? { value } : {}) },
    ...fieldError(error),
  ];
}

export function feedbackFormCard(input: FeedbackFormCardInput): TeamsMessage {
  const { subject, values = { ratings: {} }, errors = {} } = input;
  const title = `Peer feedback for ${subject.displayName}`;
  const body: CardElement[] = [
    heading(escapeMarkdown(title)),
    textBlock(`How has **${escapeMarkdown(subject.displayName)}** been doing lately? Be specific and kind.`),
  ];
  if (input.notice) body.push(textBlock(`⚠️ ${escapeMarkdown(input.notice)}`, { color: "Attention" }));
  for (const d of input.dimensions) {
    const chosen = values.ratings[d.key];
    body.push(
      {
        type: "Input.ChoiceSet",
        id: ratingInputId(d.key),
        label: d.label,
        style: "compact",
        placeholder: "1–5",
        choices: FEEDBACK_SCORES.map((s) => ({ title: s.text, value: s.value })),
        ...(chosen ? { value: chosen } : {}),
      },
      ...fieldError(errors[`rating:${d.key}`]),
    );
  }
  body.push(
    ...comment("keep_doing", "Keep doing", "What should they keep doing?", values.keepDoing, errors.keep_doing),
    ...comment("improve", "Improve", "What could they do even better?", values.improve, errors.improve),
    {
      type: "Input.ChoiceSet",
      id: "visibility",
      label: "Who sees your name?",
      style: "expanded",
      value: values.visibility === "named" ? "named" : "anonymous",
      choices: visibilityChoices(subject.displayName, input.threshold).map((c) => ({ title: c.text, value: c.value })),
    },
    ...fieldError(errors.visibility),
    actionSet([executeAction("Send", CARD_VERBS.feedbackSubmit, { subjectId: subject.id, requestId: input.requestId }, { style: "positive" })]),
  );
  return { text: title, card: card(body) };
}
