// A neutral message as a reader of `locale` would read it in plain text (names for people, no emphasis).
import type { Locale } from "../../src/i18n/locale.ts";
import { localize, localizeParam } from "../../src/i18n/localize.ts";
import { isMsg, type Param } from "../../src/i18n/message.ts";
import { PLAIN, spell } from "../../src/i18n/spell.ts";

export function plain(message: Param | null | undefined, locale: Locale = "en"): string | null {
  if (message === null || message === undefined) return null;
  return spell(isMsg(message) ? localize(message, locale) : localizeParam(message, locale), PLAIN);
}
