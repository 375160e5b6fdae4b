// Walks localised text once for every surface: a Speller says how each piece is written there.
import type { ChannelRef, CommandRef, EmojiRef, Inline, LinkRef, MemberRef, RichKind } from "./message.ts";

export interface Speller {
  /** Text the catalogue or a user wrote, escaped for the surface. */
  text(text: string): string;
  member(ref: MemberRef): string;
  channel(ref: ChannelRef): string;
  command(ref: CommandRef): string;
  link(ref: LinkRef): string;
  emoji(ref: EmojiRef): string;
  rich(kind: RichKind, inner: string): string;
}

export function spell(inlines: readonly Inline[], speller: Speller): string {
  return inlines
    .map((part) => {
      if (typeof part === "string") return speller.text(part);
      if ("rich" in part) return speller.rich(part.rich, spell(part.children, speller));
      if (part.ref === "member") return speller.member(part);
      if (part.ref === "channel") return speller.channel(part);
      if (part.ref === "link") return speller.link(part);
      if (part.ref === "emoji") return speller.emoji(part);
      return speller.command(part);
    })
    .join("");
}

/** Plain text, for notification previews, logs and tests: names instead of mentions, no emphasis. */
export const PLAIN: Speller = {
  text: (t) => t,
  member: (r) => r.name ?? `@${r.id}`,
  channel: (r) => (r.name ? `#${r.name}` : `#${r.id}`),
  command: (r) => (r.args ? `${r.name} ${r.args}` : r.name),
  link: (r) => `${r.text} (${r.url})`,
  emoji: (r) => `:${r.name}:`,
  rich: (_kind, inner) => inner,
};
