// Localised text → Teams card markdown: <at> mentions (with the entities Teams needs to resolve them),
// commands as Teams spells them (`kudos …`, and Slack's /spur is `admin`), **bold**, _italic_.
import type { Locale } from "../../i18n/locale.ts";
import { localize, localizeParam } from "../../i18n/localize.ts";
import type { CommandName, Msg, Param } from "../../i18n/message.ts";
import { spell, type Speller } from "../../i18n/spell.ts";

/** The Teams command word for each of Spur's commands. */
export const TEAMS_COMMAND_WORD: Record<CommandName, string> = {
  kudos: "kudos",
  scorecard: "scorecard",
  leaderboard: "leaderboard",
  feedback: "feedback",
  spur: "admin",
};

/**
 * Escapes what Teams' card markdown would interpret: emphasis, code and link brackets anywhere, headings,
 * quotes and list markers at the start of a line ("1. ", not a number such as "4.00"), and "<" (Teams reads HTML and <at> mentions).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\*_[\]`~])/g, "\\$1")
    .replace(/^(\s*)([#>+-]|\d+\.(?=\s|$))/gm, "$1\\$2")
    .replaceAll("<", "&lt;");
}

export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

// Card markdown has no strikethrough: struck text is shown as is (the message says why in words).
const RICH = { strong: "**", em: "_", code: "`", strike: "" } as const;

/**
 * A speller for one card. With `entities`, members become <at> mentions (which notify them) and the card must
 * carry the entities collected; without, they are named.
 */
export function teamsSpeller(entities?: MentionEntity[]): Speller {
  return {
    text: escapeMarkdown,
    member: (r) => {
      // Named, not mentioned: an <at> mention would notify them.
      if (!entities) return escapeMarkdown(r.name ?? r.id);
      const name = r.name ?? r.id;
      const text = `<at>${escapeMarkdown(name)}</at>`;
      if (!entities.some((e) => e.mentioned.id === r.id)) entities.push({ type: "mention", text, mentioned: { id: r.id, name } });
      return text;
    },
    channel: (r) => escapeMarkdown(r.name ?? r.unnamed ?? r.id),
    command: (r) => `\`${TEAMS_COMMAND_WORD[r.name]}${r.args ? ` ${r.args}` : ""}\``,
    link: (r) => `[${escapeMarkdown(r.text)}](${r.url.replaceAll("(", "%28").replaceAll(")", "%29")})`,
    // Reaction emoji are Slack's: Teams shows the name as typed.
    emoji: (r) => escapeMarkdown(`:${r.name}:`),
    // Inside a code span markdown reads no escapes: the text goes in as written.
    rich: (kind, inner) => (kind === "code" ? `\`${inner.replace(/\\([\\*_[\]~])/g, "$1")}\`` : `${RICH[kind]}${inner}${RICH[kind]}`),
  };
}

/** Plain text (notification summaries, button titles): names for people, no markup. */
export const TEAMS_PLAIN: Speller = {
  text: (t) => t,
  member: (r) => r.name ?? r.id,
  channel: (r) => r.name ?? r.unnamed ?? r.id,
  command: (r) => `${TEAMS_COMMAND_WORD[r.name]}${r.args ? ` ${r.args}` : ""}`,
  link: (r) => r.text,
  emoji: (r) => `:${r.name}:`,
  rich: (_kind, inner) => inner,
};

export function teamsMarkdown(message: Msg, locale: Locale, speller: Speller): string {
  return spell(localize(message, locale), speller);
}

export function teamsParam(param: Param, locale: Locale, speller: Speller): string {
  return spell(localizeParam(param, locale), speller);
}

export function teamsPlain(message: Msg, locale: Locale): string {
  return spell(localize(message, locale), TEAMS_PLAIN);
}
