// A neutral form → a Slack modal: one input block per field (block id = field id, action id "value").
import type { types } from "@slack/bolt";
import type { Locale } from "../../i18n/locale.ts";
import type { Field, Form } from "../../use-cases/form.ts";
import { mrkdwn, plainText } from "./mrkdwn.ts";

export const FIELD_ACTION = "value";

/** The value of a checkbox field's one option. */
export const CHECKED = "yes";

/** Fields a submission may leave empty (a checkbox left unticked sends nothing). */
function isOptional(field: Field): boolean {
  if (field.kind === "checkbox") return true;
  return "optional" in field ? Boolean(field.optional) : false;
}

function label(text: string, max = 2000): types.PlainTextElement {
  return { type: "plain_text", text: text.slice(0, max) };
}

function element(field: Field, locale: Locale): types.InputBlock["element"] {
  const base = { action_id: FIELD_ACTION };
  switch (field.kind) {
    case "members":
      return {
        ...base,
        type: "multi_users_select",
        ...(field.initial.length > 0 ? { initial_users: field.initial } : {}),
        max_selected_items: field.max,
        ...(field.placeholder ? { placeholder: label(plainText(field.placeholder, locale), 150) } : {}),
      };
    case "text":
      return {
        ...base,
        type: "plain_text_input",
        multiline: field.multiline ?? false,
        ...(field.initial ? { initial_value: field.initial.slice(0, field.maxLength ?? 3000) } : {}),
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: label(plainText(field.placeholder, locale), 150) } : {}),
      };
    case "number":
      return {
        ...base,
        type: "number_input",
        is_decimal_allowed: field.decimal ?? false,
        ...(field.initial !== undefined ? { initial_value: String(field.initial) } : {}),
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
      };
    case "select":
    case "radio":
    case "multiselect": {
      const options = field.choices.slice(0, 100).map((c) => ({ text: label(plainText(c.label, locale), 75), value: c.value }));
      if (field.kind === "multiselect") {
        const initial = options.filter((o) => field.initial.includes(o.value));
        return { ...base, type: "multi_static_select", options, ...(initial.length > 0 ? { initial_options: initial } : {}) };
      }
      const initial = options.find((o) => o.value === field.initial);
      return { ...base, type: field.kind === "radio" ? "radio_buttons" : "static_select", options, ...(initial ? { initial_option: initial } : {}) } as types.InputBlock["element"];
    }
    case "channel":
      // Slack's own picker: every channel the admin can see (Spur joins the one picked when it first posts).
      return {
        ...base,
        type: "conversations_select",
        filter: { include: ["public", "private"], exclude_bot_users: true },
        ...(field.initial ? { initial_conversation: field.initial } : {}),
        ...(field.none ? { placeholder: label(plainText(field.none, locale), 150) } : {}),
      };
    case "checkbox": {
      const yes = { text: label(plainText(field.text, locale), 75), value: CHECKED };
      return { ...base, type: "checkboxes", options: [yes], ...(field.initial ? { initial_options: [yes] } : {}) };
    }
  }
}

/** Forms whose Slack callback id predates the neutral form ids: views opened earlier keep reaching their listener. */
const CALLBACK_IDS: Readonly<Record<string, string>> = { "kudos.submit": "give_kudos", "recognition.settings": "spur_settings", "kpi.targets": "kpi_targets" };

/** The Slack callback_id of a neutral form id (what its `app.view` listener registers). */
export function slackCallbackId(formId: string): string {
  return CALLBACK_IDS[formId] ?? formId;
}

export function renderModal(form: Form, locale: Locale): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (form.notice) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: mrkdwn(form.notice, locale) }] });
  for (const field of form.fields) {
    blocks.push({
      type: "input",
      block_id: field.id,
      optional: isOptional(field),
      label: label(plainText(field.label, locale)),
      ...(field.hint ? { hint: label(plainText(field.hint, locale)) } : {}),
      element: element(field, locale),
    });
  }
  return {
    type: "modal",
    callback_id: slackCallbackId(form.id),
    title: label(plainText(form.shortTitle ?? form.title, locale), 24),
    submit: label(plainText(form.submit, locale), 24),
    close: label(plainText({ key: "form.cancel" }, locale), 24),
    private_metadata: form.state,
    blocks,
  };
}

/** A refused submission's messages, as Slack's `response_action: "errors"` wants them (by block id). */
export function modalErrors(form: Pick<Form, "errors">, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(form.errors ?? {})) if (message) errors[field] = plainText(message, locale);
  return errors;
}
