// A neutral message: what a reply, post or DM says and shows, as blocks of catalogue messages. Each surface
// lays it out its own way (Block Kit, Adaptive Card, the playground's HTML) but never decides its content.
import type { Trend } from "../core/digests/trend.ts";
import type { Msg, Param } from "../i18n/message.ts";

/** The icon a message leads with: ✅ done, ⚠️ refused, 🎉 celebration, 🔑 a secret shown once, ℹ️ information (no icon). */
export type Tone = "success" | "warning" | "celebrate" | "secret" | "info";

export interface Button {
  /** The interaction the click runs, dotted ("kudos.history.page"): Teams' Action.Execute verb, Slack's action id. */
  action: string;
  /** Tells apart buttons of the same action in one message ("newer", "older"). */
  key?: string;
  label: Msg;
  /** What the click needs to know (a cursor, an id); validated with zod when it comes back. */
  data: Readonly<Record<string, string | number | boolean>>;
  style?: "primary" | "danger";
  /** Asked before the click goes through, where the surface can ask (Slack's confirm dialog; Teams cards cannot). */
  confirm?: { title: Msg; text: Msg; yes: Msg; no: Msg };
}

export type Block =
  /** A paragraph; `heading` for a title, `subtle` for small print (Slack context, Teams subtle text). */
  | { kind: "text"; text: Msg; style?: "heading" | "subtle" }
  /** Rows of a list, one message each; `empty` when there are none. */
  | { kind: "lines"; lines: Msg[]; empty?: Msg }
  /** What someone wrote (a kudos reason), quoted as is. */
  | { kind: "quote"; text: Param }
  | { kind: "fields"; fields: { label: Msg; value: Msg }[] }
  | { kind: "buttons"; id?: string; buttons: Button[] }
  | { kind: "image"; url: string; alt: Msg }
  /** A chart drawn from the data in the reader's language: Slack uploads it into the post's thread, Teams shows it by URL. */
  | { kind: "chart"; trend: Trend }
  | { kind: "divider" };

export interface Body {
  tone?: Tone;
  /** Mentions here are meant to notify the people named (a shoutout); elsewhere they only name them. */
  notify?: boolean;
  /** Said at the end when a surface cannot show every block (Slack's 50 blocks): where to see the rest. */
  overflow?: Msg;
  /** The notification / fallback text; the first text block when absent. */
  summary?: Msg;
  blocks: Block[];
}

export function note(tone: Tone | undefined, text: Msg, ...more: Block[]): Body {
  return { ...(tone ? { tone } : {}), blocks: [{ kind: "text", text }, ...more] };
}

export function subtle(text: Msg): Block {
  return { kind: "text", text, style: "subtle" };
}

export function heading(text: Msg): Block {
  return { kind: "text", text, style: "heading" };
}

/** The first message of a body: its summary, else its first text. */
export function summaryOf(body: Body): Msg | null {
  if (body.summary) return body.summary;
  for (const block of body.blocks) {
    if (block.kind === "text") return block.text;
    if (block.kind === "lines" && block.lines[0]) return block.lines[0];
  }
  return null;
}
