// Localised text → Slack mrkdwn: <@U…> mentions, <#C…> channel links, `/commands`, *bold*, _italic_.
import type { Locale } from "../../i18n/locale.ts";
import { localize } from "../../i18n/localize.ts";
import type { Msg } from "../../i18n/message.ts";
import { spell, type Speller } from "../../i18n/spell.ts";

/** Escapes text so Slack shows it literally (and cannot be tricked into mentions or links). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const RICH = { strong: "*", em: "_", code: "`", strike: "~" } as const;

export const SLACK_SPELLING: Speller = {
  text: escapeMrkdwn,
  member: (r) => `<@${r.id}>`,
  channel: (r) => `<#${r.id}>`,
  command: (r) => `\`/${r.name}${r.args ? ` ${escapeMrkdwn(r.args)}` : ""}\``,
  link: (r) => `<${r.url}|${escapeMrkdwn(r.text).replaceAll("|", "¦")}>`,
  emoji: (r) => `:${r.name}:`,
  rich: (kind, inner) => `${RICH[kind]}${inner}${RICH[kind]}`,
};

/** Plain-text fields (button labels, modal titles): no markup at all, names for people. */
export const SLACK_PLAIN: Speller = {
  text: (t) => t,
  member: (r) => r.name ?? `@${r.id}`,
  channel: (r) => (r.name ? `#${r.name}` : "#channel"),
  command: (r) => `/${r.name}${r.args ? ` ${r.args}` : ""}`,
  link: (r) => r.text,
  emoji: (r) => `:${r.name}:`,
  rich: (_kind, inner) => inner,
};

export function mrkdwn(message: Msg, locale: Locale): string {
  return spell(localize(message, locale), SLACK_SPELLING);
}

export function plainText(message: Msg, locale: Locale): string {
  return spell(localize(message, locale), SLACK_PLAIN);
}
