// A submitted modal's values by field id, as the neutral form's submission reads them: each input block's one
// element as a string (a pick's value, a channel's id, people picked as comma-separated user ids, a checkbox
// "true" or "false"), or null when left empty.
import type { StateValue } from "./recognition-payloads.ts";
import { CHECKED, FIELD_ACTION } from "./render/modal.ts";

function valueOf(element: StateValue | undefined): string | null {
  if (!element) return null;
  switch (element.type) {
    case "checkboxes":
      return String((element.selected_options ?? []).some((o) => o.value === CHECKED));
    case "multi_users_select":
      return (element.selected_users ?? []).join(",");
    case "conversations_select":
    case "channels_select":
      return element.selected_conversation ?? element.selected_channel ?? null;
    default:
      return element.selected_option?.value ?? element.value ?? null;
  }
}

export function slackFormValues(state: Record<string, Record<string, StateValue>>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(state).map(([blockId, actions]) => [blockId, valueOf(actions[FIELD_ACTION] ?? Object.values(actions)[0])]));
}
