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

const TONE_ICON: Record<Tone, string> = { success: ":white_check_mark: ", warning: ":warning: ", celebrate: ":tada: ", info: "" };

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

function renderBlock(block: Block, locale: Locale, icon: string): KnownBlock | null {
  switch (block.kind) {
    case "text": {
      const text = mrkdwn(block.text, locale);
      if (block.style === "subtle") return { type: "context", elements: [{ type: "mrkdwn", text: clip(icon + text) }] };
      return { type: "section", text: { type: "mrkdwn", text: clip(icon + (block.style === "heading" ? `*${text}*` : text)) } };
    }
    case "lines": {
      const lines = block.lines.map((line) => mrkdwn(line, locale));
      const text = lines.length > 0 ? lines.join("\n") : block.empty ? `_${mrkdwn(block.empty, locale)}_` : "";
      return text ? { type: "section", text: { type: "mrkdwn", text: clip(icon + text) } } : null;
    }
    case "quote":
      return { type: "section", text: { type: "mrkdwn", text: clip(icon + quoted(block.text, locale)) } };
    case "fields":
      return {
        type: "section",
        fields: block.fields.slice(0, 10).map((f) => ({ type: "mrkdwn" as const, text: `*${mrkdwn(f.label, locale)}*\n${mrkdwn(f.value, locale)}` })),
      };
    case "buttons":
      return {
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
      };
    case "image":
      return { type: "image", image_url: block.url, alt_text: plainText(block.alt, locale) };
    case "divider":
      return { type: "divider" };
  }
}

/** Slack's action id for a neutral action: "kudos.history.page" + "older" → "kudos_history_page_older". */
export function slackActionId(action: string, key?: string): string {
  return `${action.replaceAll(".", "_")}${key ? `_${key}` : ""}`;
}

export function renderBody(body: Body, locale: Locale): SlackMessage {
  let icon = body.tone ? TONE_ICON[body.tone] : "";
  const blocks: KnownBlock[] = [];
  for (const block of body.blocks) {
    const rendered = renderBlock(block, locale, icon);
    if (!rendered) continue;
    if (rendered.type === "section" || rendered.type === "context") icon = "";
    blocks.push(rendered);
  }
  const summary = summaryOf(body);
  const first = body.blocks[0];
  const text = summary ? mrkdwn(summary, locale) : first?.kind === "quote" ? spell(localizeParam(first.text, locale), SLACK_SPELLING) : "";
  return { text, blocks };
}
