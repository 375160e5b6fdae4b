// What an admin is told after changing recognition settings (by command or in the form): the settings
// changed, named in their language.
import { list, msg } from "../../i18n/message.ts";
import { type Body, note } from "../body.ts";

/** `changed`: the changed settings' field names (as core returns them), in order. */
export function settingsSaved(changed: readonly string[]): Body {
  const fields = list(changed.map((field) => msg("recognitionSettings.field", { field })));
  return note("success", msg("recognitionSettings.saved", { count: changed.length, fields }));
}
