// Tokenising chat command text the way Slack (escaped) and Teams (plain) deliver it.
// Pure and total: every function here returns a value for any input string.

/** A person named in command text: a platform user id (escaped mention) or a bare @handle. */
export type MentionRef = { kind: "id"; id: string } | { kind: "handle"; handle: string };

const ESCAPED_USER = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
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

export function parseMention(token: string): MentionRef | null {
  const t = trimListPunctuation(token);
  const escaped = ESCAPED_USER.exec(t);
  if (escaped?.[1]) return { kind: "id", id: escaped[1] };
  const bare = BARE_HANDLE.exec(t);
  if (bare?.[1]) return { kind: "handle", handle: bare[1].toLowerCase() };
  return null;
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

export function describeMention(ref: MentionRef): string {
  return ref.kind === "id" ? `<@${ref.id}>` : `@${ref.handle}`;
}
