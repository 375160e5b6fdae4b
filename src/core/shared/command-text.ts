// Command text as the domain reads it: words, people, channels and user groups. Each platform adapter turns its own
// message format (Slack's escaped mentions, Teams' <at> entities) into these tokens; the parsers here never
// see platform markup. Pure and total: every function returns a value for any input.
import { member, type Param } from "../../i18n/message.ts";

/** A person named in command text: a platform user id (a mention) or a bare @handle. */
export type MentionRef = { kind: "id"; id: string; name?: string } | { kind: "handle"; handle: string };

/** One token of command text; `text` is how it reads as plain words (a mention's name, a channel's #name). */
export type CommandToken =
  | { kind: "word"; text: string }
  | { kind: "member"; ref: MentionRef; text: string }
  | { kind: "channel"; id: string; name: string | null; text: string }
  /** A user group (Slack's @group mention): its id and, when the mention says it, its @handle without the @. */
  | { kind: "group"; id: string; handle: string | null; text: string };

/** Plain words (no mentions), split on white space: what a web form or a test types. */
export function plainTokens(text: string): CommandToken[] {
  return (text.match(/\S+/g) ?? []).map((t) => wordOrHandle(t));
}

/** A plain word, or a bare @handle written as text. */
export function wordOrHandle(text: string): CommandToken {
  const bare = BARE_HANDLE.exec(trimListPunctuation(text));
  return bare?.[1] ? { kind: "member", ref: { kind: "handle", handle: bare[1].toLowerCase() }, text } : { kind: "word", text };
}

export function groupOf(token: CommandToken | undefined): { id: string; handle: string | null } | null {
  return token?.kind === "group" ? { id: token.id, handle: token.handle } : null;
}

export function mentionOf(token: CommandToken | undefined): MentionRef | null {
  return token?.kind === "member" ? token.ref : null;
}

/** A company-value tag: `#ownership`, or a channel that happens to have that name. */
export function valueTagOf(token: CommandToken | undefined): string | null {
  if (!token) return null;
  const candidate = token.kind === "channel" ? (token.name ? `#${token.name}` : "") : token.text.replace(/[.,;:!?)]+$/u, "");
  const tag = HASH_TAG.exec(candidate);
  return tag?.[1] ? tag[1].toLowerCase() : null;
}

/** A mention as a message parameter: the member reference, or the @handle as typed. */
export function mentionParam(ref: MentionRef): Param {
  return ref.kind === "id" ? member(ref.id, ref.name) : `@${ref.handle}`;
}

const BARE_HANDLE = /^@([\p{L}\p{N}._-]{1,80})$/u;
const ESCAPED_CHANNEL = /^<#C[A-Z0-9]+\|([^>]+)>$/;
const HASH_TAG = /^#([\p{L}\p{N}_-]{1,40})$/u;
const TOKEN = /<[^<>\s][^<>]*>|\S+/g;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Slack escapes &, < and > in message text; turn them back into what the person typed. */
export function unescapeEntities(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** Trailing punctuation people put between mentions ("@ana, @bo"). */
function trimListPunctuation(token: string): string {
  return token.replace(/[,;:]+$/u, "");
}

/** A company-value tag: `#ownership`, or Slack's escaped channel link when a channel has that name. */
export function parseValueTag(token: string): string | null {
  const t = token.replace(/[.,;:!?)]+$/u, "");
  const channel = ESCAPED_CHANNEL.exec(t);
  const candidate = channel?.[1] ? `#${channel[1]}` : t;
  const tag = HASH_TAG.exec(candidate);
  return tag?.[1] ? tag[1].toLowerCase() : null;
}

export function mentionKey(ref: MentionRef): string {
  return ref.kind === "id" ? `id:${ref.id}` : `handle:${ref.handle}`;
}
