// The kudos form card: the same fields and limits as Slack's "Give kudos" modal, with the core's validation
// messages shown under the field they are about when a submission is refused.
import { MAX_FORM_REASON, type KudosFormErrors, type KudosFormInput } from "../../core/recognition/kudos-form.ts";
import type { RecognitionSettings } from "../../core/recognition/recognition-settings.ts";
import { card, type CardElement, escapeMarkdown, heading, type TeamsMessage, textBlock } from "./adaptive-card.ts";
import { actionSet, CARD_VERBS, executeAction, fieldError } from "./card-actions.ts";

export interface KudosFormCardInput {
  settings: RecognitionSettings;
  /** The teammates to pick from. */
  people: { platformUserId: string; displayName: string }[];
  /** Identifies this form: submitting it twice gives the kudos once. */
  formId: string;
  /** What was entered, when the form comes back with errors. */
  values?: Partial<KudosFormInput>;
  errors?: KudosFormErrors;
  intro?: string;
  /** The message the kudos are for (a "Give kudos for this message" action). */
  messageLink?: string | null;
  /**
   * How Send reaches Spur: an Action.Execute card action (a card in a conversation, the default) or an
   * Action.Submit (a dialog: Teams' task modules don't run Action.Execute).
   */
  send?: "execute" | "submit";
}

export function kudosFormCard(input: KudosFormCardInput): TeamsMessage {
  const { settings, values = {}, errors = {} } = input;
  const body: CardElement[] = [heading("Give kudos")];
  if (input.intro) body.push(textBlock(escapeMarkdown(input.intro)));
  if (input.messageLink) body.push(textBlock(`For [this message](${input.messageLink})`, { isSubtle: true }));
  body.push(
    {
      type: "Input.ChoiceSet",
      id: "recipients",
      label: "Who?",
      isMultiSelect: true,
      style: "filtered",
      placeholder: "Pick one or more teammates",
      choices: input.people.map((p) => ({ title: p.displayName, value: p.platformUserId })),
      ...(values.recipients && values.recipients.length > 0 ? { value: values.recipients.join(",") } : {}),
    },
    ...fieldError(errors.recipients),
    {
      type: "Input.Number",
      id: "points",
      label: `Points each (1–${settings.maxPointsPerGift})`,
      min: 1,
      max: settings.maxPointsPerGift,
      value: Number(values.points) || 1,
    },
    ...fieldError(errors.points),
    {
      type: "Input.Text",
      id: "reason",
      label: "What did they do?",
      isMultiline: true,
      maxLength: MAX_FORM_REASON,
      ...(values.reason ? { value: values.reason.slice(0, MAX_FORM_REASON) } : {}),
    },
    ...fieldError(errors.reason),
  );
  if (settings.companyValues.length > 0) {
    body.push(
      {
        type: "Input.ChoiceSet",
        id: "value",
        label: settings.valueRequired ? "Company value" : "Company value (optional)",
        style: "compact",
        choices: settings.companyValues.slice(0, 100).map((v) => ({ title: `#${v}`, value: v })),
        ...(values.value ? { value: values.value } : {}),
      },
      ...fieldError(errors.value),
    );
  }
  const data = { formId: input.formId, ...(input.messageLink ? { messageLink: input.messageLink } : {}) };
  const send =
    input.send === "submit"
      ? { type: "Action.Submit", title: "Send", data, style: "positive" }
      : executeAction("Send", CARD_VERBS.kudosSubmit, data, { style: "positive" });
  body.push(actionSet([send]));
  return { text: "Give kudos", card: card(body) };
}
