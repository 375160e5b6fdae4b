// A neutral message body → a Teams message: an Adaptive Card 1.5 plus the plain summary notifications show.
import type { Locale } from "../../i18n/locale.ts";
import { type Block, type Body, summaryOf, type Tone } from "../../use-cases/body.ts";
import { card, type CardElement, type TeamsMessage, textBlock } from "../cards/adaptive-card.ts";
import { localizeParam } from "../../i18n/localize.ts";
import { spell, type Speller } from "../../i18n/spell.ts";
import { type MentionEntity, TEAMS_PLAIN, teamsMarkdown, teamsParam, teamsPlain, teamsSpeller } from "./markdown.ts";

const TONE_ICON: Record<Tone, string> = { success: "✅ ", warning: "⚠️ ", celebrate: "🎉 ", secret: "🔑 ", info: "" };

export interface CardOptions {
  /** Where Teams can fetch the body's chart (Spur serves it); without it the chart is left out. */
  chartUrl?: string | undefined;
}

function renderBlock(block: Block, locale: Locale, speller: Speller, icon: string, options: CardOptions): CardElement[] {
  switch (block.kind) {
    case "text": {
      const text = icon + teamsMarkdown(block.text, locale, speller);
      if (block.style === "heading") return [textBlock(text, { size: "Medium", weight: "Bolder", style: "heading" })];
      if (block.style === "subtle") return [textBlock(text, { isSubtle: true, size: "Small" })];
      return [textBlock(text, icon === TONE_ICON.warning ? { color: "Attention" } : {})];
    }
    case "lines":
      if (block.lines.length === 0) return block.empty ? [textBlock(`_${teamsMarkdown(block.empty, locale, speller)}_`, { isSubtle: true })] : [];
      return block.lines.map((line, i) => textBlock((i === 0 ? icon : "") + teamsMarkdown(line, locale, speller), { spacing: i === 0 ? "Default" : "Small" }));
    case "quote":
      return [textBlock(icon + teamsParam(block.text, locale, speller), { isSubtle: true })];
    case "fields":
      return [{ type: "FactSet", facts: block.fields.map((f) => ({ title: teamsPlain(f.label, locale), value: teamsMarkdown(f.value, locale, speller) })) }];
    case "buttons":
      return [
        {
          type: "ActionSet",
          actions: block.buttons.map((b) => ({
            type: "Action.Execute",
            title: teamsPlain(b.label, locale),
            verb: b.action,
            data: b.data,
            ...(b.style ? { style: b.style === "primary" ? "positive" : "destructive" } : {}),
          })),
        },
      ];
    case "image":
      return [{ type: "Image", url: block.url, altText: teamsPlain(block.alt, locale), size: "Stretch" }];
    case "chart":
      return options.chartUrl ? [{ type: "Image", url: options.chartUrl, altText: teamsPlain(block.trend.title, locale), size: "Stretch" }] : [];
    case "divider":
      return [{ type: "TextBlock", text: " ", separator: true, spacing: "Medium" }];
  }
}

export function renderCard(body: Body, locale: Locale, options: CardOptions = {}): TeamsMessage {
  const entities: MentionEntity[] = [];
  const speller = teamsSpeller(body.notify ? entities : undefined);
  let icon = body.tone ? TONE_ICON[body.tone] : "";
  const elements: CardElement[] = [];
  for (const block of body.blocks) {
    const rendered = renderBlock(block, locale, speller, icon, options);
    if (rendered.length > 0 && block.kind !== "buttons" && block.kind !== "fields" && block.kind !== "image" && block.kind !== "chart") icon = "";
    elements.push(...rendered);
  }
  const summary = summaryOf(body);
  const first = body.blocks[0];
  const text = (body.tone ? TONE_ICON[body.tone] : "") + (summary ? teamsPlain(summary, locale) : first?.kind === "quote" ? spell(localizeParam(first.text, locale), TEAMS_PLAIN) : "");
  const rendered = card(elements);
  return { text, card: entities.length > 0 ? { ...rendered, msteams: { width: "Full", entities } } : rendered };
}
