// A neutral message body → a Slack message: Block Kit blocks plus the text fallback notifications show.
import type { types } from "@slack/bolt";
import type { Locale } from "../../i18n/locale.ts";
import type { Param } from "../../i18n/message.ts";
import { spell } from "../../i18n/spell.ts";
import { localizeParam } from "../../i18n/localize.ts";
import { type Block, type Body, summaryOf, type Tone } from "../../use-cases/body.ts";
import { mrkdwn, plainText, SLACK_SPELLING } from "./mrkdwn.ts";

export type KnownBlock = types.KnownBlock;

export interface SlackMessage {
  text: string;
  blocks?: KnownBlock[];
}

const TONE_ICON: Record<Tone, string> = { success: ":white_check_mark: ", warning: ":warning: ", celebrate: ":tada: ", secret: ":key: ", info: "" };

/** Slack refuses a section longer than 3,000 characters. */
const SECTION_LIMIT = 3000;

function clip(text: string): string {
  return text.length <= SECTION_LIMIT ? text : `${text.slice(0, SECTION_LIMIT - 1)}…`;
}

function quoted(text: Param, locale: Locale): string {
  const spelled = spell(localizeParam(text, locale), SLACK_SPELLING);
  return spelled
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

/** Lines grouped into texts of at most a section's length, so a long list spans several sections. */
function chunkLines(lines: string[]): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const line of lines.map(clip)) {
    if (current && current.length + 1 + line.length > SECTION_LIMIT) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: clip(text) } });

function renderBlock(block: Block, locale: Locale, icon: string): KnownBlock[] {
  switch (block.kind) {
    case "text": {
      const text = mrkdwn(block.text, locale);
      if (block.style === "subtle") return [{ type: "context", elements: [{ type: "mrkdwn", text: clip(icon + text) }] }];
      return [section(icon + (block.style === "heading" ? `*${text}*` : text))];
    }
    case "lines": {
      const lines = block.lines.map((line, i) => (i === 0 ? icon : "") + mrkdwn(line, locale));
      if (lines.length > 0) return chunkLines(lines).map(section);
      return block.empty ? [section(`${icon}_${mrkdwn(block.empty, locale)}_`)] : [];
    }
    case "quote":
      return [section(icon + quoted(block.text, locale))];
    case "fields":
      return [{
        type: "section",
        fields: block.fields.slice(0, 10).map((f) => ({ type: "mrkdwn" as const, text: `*${mrkdwn(f.label, locale)}*\n${mrkdwn(f.value, locale)}` })),
      }];
    case "buttons":
      return [{
        type: "actions",
        ...(block.id ? { block_id: block.id } : {}),
        elements: block.buttons.map((b) => ({
          type: "button" as const,
          action_id: slackActionId(b.action, b.key),
          text: { type: "plain_text" as const, text: plainText(b.label, locale) },
          value: JSON.stringify(b.data),
          ...(b.style ? { style: b.style } : {}),
          ...(b.confirm
            ? {
                confirm: {
                  title: { type: "plain_text" as const, text: plainText(b.confirm.title, locale) },
                  text: { type: "mrkdwn" as const, text: mrkdwn(b.confirm.text, locale) },
                  confirm: { type: "plain_text" as const, text: plainText(b.confirm.yes, locale) },
                  deny: { type: "plain_text" as const, text: plainText(b.confirm.no, locale) },
                },
              }
            : {}),
        })),
      }];
    case "image":
      return [{ type: "image", image_url: block.url, alt_text: plainText(block.alt, locale) }];
    case "chart":
      // Charts are files on Slack: the notifier uploads the PNG into the post's thread.
      return [];
    case "divider":
      return [{ type: "divider" }];
  }
}

/** Slack refuses a message of more than 50 blocks. */
const BLOCK_LIMIT = 50;

/** Slack's action id for a neutral action: "kudos.history.page" + "older" → "kudos_history_page_older". */
export function slackActionId(action: string, key?: string): string {
  return `${action.replaceAll(".", "_")}${key ? `_${key}` : ""}`;
}

export function renderBody(body: Body, locale: Locale): SlackMessage {
  let icon = body.tone ? TONE_ICON[body.tone] : "";
  const blocks: KnownBlock[] = [];
  for (const block of body.blocks) {
    for (const rendered of renderBlock(block, locale, icon)) {
      if (rendered.type === "section" || rendered.type === "context") icon = "";
      blocks.push(rendered);
    }
  }
  if (blocks.length > BLOCK_LIMIT) {
    blocks.length = BLOCK_LIMIT - 1;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: body.overflow ? mrkdwn(body.overflow, locale) : "…" }] });
  }
  const summary = summaryOf(body);
  const first = body.blocks[0];
  const text = summary ? mrkdwn(summary, locale) : first?.kind === "quote" ? spell(localizeParam(first.text, locale), SLACK_SPELLING) : "";
  return { text, blocks };
}
