// Forms as a scenario reads them on either platform (a Slack modal, a Teams input card): the fields by id with
// their labels and choices as shown, and each platform's way of sending values back.
import type { SurfaceField, SurfaceForm } from "./surface-types.ts";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const textOf = (v: unknown) => (isObject(v) && typeof v.text === "string" ? v.text : "");

/** A Slack modal (views.open's `view`): its notice (context block) and input blocks. */
export function slackForm(view: Json, plain: (mrkdwn: string) => string): SurfaceForm {
  const blocks = (view.blocks as Json[] | undefined) ?? [];
  const notice = blocks.find((b) => b.type === "context");
  const fields: SurfaceField[] = blocks
    .filter((b) => b.type === "input")
    .map((b) => {
      const element = (b.element ?? {}) as Json;
      const options = (element.options as Json[] | undefined) ?? [];
      // Slack itself marks an optional input "(optional)" after its label.
      const label = b.optional === true ? `${textOf(b.label)} (optional)` : textOf(b.label);
      return { id: String(b.block_id), label, choices: options.map((o) => ({ value: String(o.value), label: textOf(o.text) })) };
    });
  const firstNotice = (notice?.elements as Json[] | undefined)?.[0];
  return { notice: firstNotice ? plain(textOf(firstNotice)) : null, fields, submit: textOf(view.submit), raw: view };
}

/**
 * Slack's view.state.values for `values` by field id: each input block's one element ("value"), shaped as
 * Slack sends its type.
 */
export function slackStateValues(form: SurfaceForm, values: Record<string, string>): Record<string, Record<string, Record<string, unknown>>> {
  const view = form.raw as Json;
  const state: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const block of ((view.blocks as Json[] | undefined) ?? []).filter((b) => b.type === "input")) {
    const id = String(block.block_id);
    const element = (block.element ?? {}) as Json;
    const type = String(element.type);
    const value = values[id];
    const action = String(element.action_id);
    if (type === "static_select" || type === "radio_buttons") {
      state[id] = { [action]: { type, selected_option: value === undefined ? null : { value, text: { type: "plain_text", text: value } } } };
    } else if (type === "multi_users_select") {
      state[id] = { [action]: { type, selected_users: value ? value.split(",") : [] } };
    } else {
      state[id] = { [action]: { type, value: value ?? null } };
    }
  }
  return state;
}

/** An Adaptive Card with inputs: its notice (the subtle text under the title), inputs and Send action. */
export function teamsForm(card: unknown, plain: (markdown: string) => string): SurfaceForm {
  const body = isObject(card) ? ((card.body as Json[] | undefined) ?? []) : [];
  const notice = body.find((e) => e.type === "TextBlock" && e.isSubtle === true);
  const fields: SurfaceField[] = body
    .filter((e) => typeof e.type === "string" && e.type.startsWith("Input.") && typeof e.id === "string")
    .map((e) => ({
      id: String(e.id),
      label: String(e.label ?? ""),
      choices: ((e.choices as Json[] | undefined) ?? []).map((c) => ({ value: String(c.value), label: String(c.title) })),
    }));
  const actions = body.filter((e) => e.type === "ActionSet").flatMap((e) => (e.actions as Json[] | undefined) ?? []);
  return { notice: notice ? plain(String(notice.text)) : null, fields, submit: String(actions[0]?.title ?? ""), raw: card };
}

/** The Send action of a Teams form card: its verb and data (the form's state), where the inputs' values are added. */
export function teamsSend(card: unknown): { verb: string; data: Record<string, unknown> } {
  const body = isObject(card) ? ((card.body as Json[] | undefined) ?? []) : [];
  const action = body.filter((e) => e.type === "ActionSet").flatMap((e) => (e.actions as Json[] | undefined) ?? [])[0];
  if (!action) throw new Error("the form card has no Send action");
  return { verb: String(action.verb), data: (action.data ?? {}) as Record<string, unknown> };
}

/** The messages shown under a Teams form card's fields after a refused submission, by field id. */
export function teamsFieldErrors(card: unknown, plain: (markdown: string) => string): Record<string, string> {
  const body = isObject(card) ? ((card.body as Json[] | undefined) ?? []) : [];
  const errors: Record<string, string> = {};
  body.forEach((e, i) => {
    const before = body[i - 1];
    if (e.type === "TextBlock" && e.color === "Attention" && before && typeof before.id === "string") errors[before.id] = plain(String(e.text)).replace(/^⚠️ /, "");
  });
  return errors;
}
