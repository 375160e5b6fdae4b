// Each platform's spelling of a reply → the same plain text, so scenarios compare both platforms against one
// expected string: names for mentions, Spur's commands without Slack's slash (Slack's /spur is Teams' admin),
// no emphasis, code or quote marks, no escapes, and Slack's :emoji: codes as the emoji Teams shows.
import type { SurfaceButton } from "./surface-types.ts";

const SLACK_EMOJI: Record<string, string> = { white_check_mark: "✅", warning: "⚠️", tada: "🎉" };

/** *bold*, _italic_, ~struck~ (Slack) and **bold**, _italic_ (Teams) around words, without the marks. */
function withoutEmphasis(text: string): string {
  return text
    .replace(/\*\*([^*\n]+)\*\*/g, "$1")
    .replace(/\*([^*\n]+)\*/g, "$1")
    .replace(/(^|[\s(（])_([^_\n]+)_(?=$|[\s.,;:!?)）])/gm, "$1$2")
    .replace(/~([^~\n]+)~/g, "$1");
}

/** Slack mrkdwn → plain text; `names` maps Slack user and channel ids to the names people see. */
export function slackPlain(mrkdwn: string, names: ReadonlyMap<string, string>): string {
  const text = mrkdwn
    .replace(/:([a-z_]+):/g, (all, code: string) => SLACK_EMOJI[code] ?? all)
    .replace(/<@(\w+)(?:\|[^>]*)?>/g, (_all, id: string) => names.get(id) ?? `@${id}`)
    .replace(/<#(\w+)(?:\|([^>]*))?>/g, (_all, id: string, name?: string) => `#${name || names.get(id) || id}`)
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2")
    .replace(/`\/spur\b/g, "`admin")
    .replace(/`\/(\w+)/g, "`$1")
    .replace(/^> ?/gm, "");
  return withoutEmphasis(text)
    .replaceAll("`", "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** Teams card markdown → plain text. */
export function teamsPlain(markdown: string): string {
  const text = markdown.replace(/<at>(.*?)<\/at>/g, "$1").replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1");
  return withoutEmphasis(text)
    .replace(/(?<!\\)`/g, "")
    .replace(/\\([\\*_[\]`~#>+\-.])/g, "$1")
    .replaceAll("&lt;", "<");
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The lines and buttons of a Slack message (its blocks, else its text). */
export function slackMessage(message: { text?: unknown; blocks?: unknown }, names: ReadonlyMap<string, string>): { text: string; buttons: SurfaceButton[] } {
  const lines: string[] = [];
  const buttons: SurfaceButton[] = [];
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Json[]) : [];
  for (const block of blocks) {
    const texts: unknown[] = [];
    if (block.type === "section" || block.type === "header") texts.push((block.text as Json | undefined)?.text, ...((block.fields as Json[] | undefined) ?? []).map((f) => f.text));
    if (block.type === "context") texts.push(...((block.elements as Json[] | undefined) ?? []).map((e) => e.text));
    for (const t of texts) if (typeof t === "string") lines.push(slackPlain(t, names));
    if (block.type === "actions") {
      for (const e of (block.elements as Json[] | undefined) ?? []) {
        if (e.type !== "button") continue;
        buttons.push({ label: String((e.text as Json).text), ref: { actionId: e.action_id, value: e.value, blockId: block.block_id } });
      }
    }
  }
  if (lines.length === 0 && typeof message.text === "string") lines.push(slackPlain(message.text, names));
  return { text: lines.join("\n"), buttons };
}

/** The lines and Action.Execute buttons of an Adaptive Card, in reading order. */
export function teamsCard(card: unknown): { text: string; buttons: SurfaceButton[] } {
  const lines: string[] = [];
  const buttons: SurfaceButton[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!isObject(node)) return;
    if (node.type === "TextBlock" && typeof node.text === "string") {
      if (node.text.trim() !== "") lines.push(teamsPlain(node.text));
      return;
    }
    if (node.type === "FactSet") {
      for (const f of (node.facts as Json[] | undefined) ?? []) lines.push(`${String(f.title)}\n${teamsPlain(String(f.value))}`);
      return;
    }
    if (node.type === "Action.Execute") {
      buttons.push({ label: String(node.title), ref: { verb: node.verb, data: node.data ?? {} } });
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== "msteams") walk(value);
  };
  walk(isObject(card) ? card.body : card);
  return { text: lines.join("\n"), buttons };
}
