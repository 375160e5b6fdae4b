// A neutral form → an Adaptive Card with inputs (input id = field id); a refused submission comes back as the
// same card with each message under the field it is about.
import type { Locale } from "../../i18n/locale.ts";
import { msg } from "../../i18n/message.ts";
import { type Field, type Form, NO_CHANNEL } from "../../use-cases/form.ts";
import { card, type CardElement, type TeamsMessage, textBlock } from "../cards/adaptive-card.ts";
import { teamsMarkdown, teamsPlain, teamsSpeller } from "./markdown.ts";

function input(field: Field, locale: Locale): CardElement {
  // Adaptive Cards mark no input optional: the label says so.
  const label = teamsPlain("optional" in field && field.optional ? msg("form.optional", { label: field.label }) : field.label, locale);
  switch (field.kind) {
    case "members":
      return field.choices
        ? {
            type: "Input.ChoiceSet",
            id: field.id,
            label,
            isMultiSelect: true,
            style: "filtered",
            ...(field.placeholder ? { placeholder: teamsPlain(field.placeholder, locale) } : {}),
            choices: field.choices.map((c) => ({ title: c.name, value: c.id })),
            ...(field.initial.length > 0 ? { value: field.initial.join(",") } : {}),
          }
        : { type: "Input.Text", id: field.id, label, ...(field.initial.length > 0 ? { value: field.initial.join(",") } : {}) };
    case "text":
      return {
        type: "Input.Text",
        id: field.id,
        label,
        isMultiline: field.multiline ?? false,
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.initial ? { value: field.initial.slice(0, field.maxLength ?? 5000) } : {}),
        ...(field.placeholder ? { placeholder: teamsPlain(field.placeholder, locale) } : {}),
      };
    case "number":
      return {
        type: "Input.Number",
        id: field.id,
        label,
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...(field.initial !== undefined ? { value: field.initial } : {}),
      };
    case "select":
    case "radio":
    case "multiselect": {
      const initial = field.kind === "multiselect" ? field.initial.join(",") : field.initial;
      return {
        type: "Input.ChoiceSet",
        id: field.id,
        label,
        style: field.kind === "radio" ? "expanded" : "compact",
        ...(field.kind === "multiselect" ? { isMultiSelect: true } : {}),
        choices: field.choices.map((c) => ({ title: teamsPlain(c.label, locale), value: c.value })),
        ...(initial ? { value: initial } : {}),
      };
    }
    case "channel": {
      // Teams cards have no channel picker: the channels Spur was added to, and "none" first.
      const choices = [
        ...(field.none ? [{ title: teamsPlain(field.none, locale), value: NO_CHANNEL }] : []),
        ...(field.choices ?? []).map((c) => ({ title: typeof c.name === "string" ? c.name : teamsPlain(c.name, locale), value: c.id })),
      ];
      const value = field.initial ?? (field.none ? NO_CHANNEL : undefined);
      return { type: "Input.ChoiceSet", id: field.id, label, style: "compact", choices, ...(value ? { value } : {}) };
    }
    case "checkbox":
      return { type: "Input.Toggle", id: field.id, label, title: teamsPlain(field.text, locale), valueOn: "true", valueOff: "false", value: String(field.initial) };
  }
}

/**
 * What Send carries back: the state as `formState`, or, for a form that asks for it, a state that is a JSON
 * object as its fields (Teams merges the inputs' values into them, so the submission reads one flat object).
 */
function sendData(state: string, flat: boolean): Record<string, unknown> {
  if (!flat) return { formState: state };
  try {
    const parsed = JSON.parse(state) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== null && v !== undefined));
    }
  } catch {
    // Not JSON: sent as is.
  }
  return { formState: state };
}

/**
 * `send`: how Send reaches Spur — an Action.Execute (a card in a conversation) or an Action.Submit (a dialog:
 * Teams' task modules don't run Action.Execute).
 */
export function renderFormCard(form: Form, locale: Locale, send: "execute" | "submit" = "execute"): TeamsMessage {
  const speller = teamsSpeller();
  const body: CardElement[] = [textBlock(teamsPlain(form.title, locale), { size: "Medium", weight: "Bolder", style: "heading" })];
  if (form.notice) body.push(textBlock(teamsMarkdown(form.notice, locale, speller), { isSubtle: true }));
  for (const field of form.fields) {
    body.push(input(field, locale));
    const error = form.errors?.[field.id];
    if (error) body.push(textBlock(`⚠️ ${teamsMarkdown(error, locale, speller)}`, { color: "Attention", size: "Small", spacing: "None" }));
  }
  const data = sendData(form.state, form.flatState ?? false);
  const title = teamsPlain(form.submit, locale);
  const action = send === "submit" ? { type: "Action.Submit", title, data, style: "positive" } : { type: "Action.Execute", title, verb: form.id, data, style: "positive" };
  body.push({ type: "ActionSet", actions: [action] });
  return { text: teamsPlain(form.title, locale), card: card(body) };
}
