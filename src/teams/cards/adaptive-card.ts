// Adaptive Card 1.5 building blocks. Cards are plain JSON; text is rendered as Teams' markdown subset, so
// people's words are escaped before they go in.

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  msteams?: { width: "Full"; entities?: { type: "mention"; text: string; mentioned: { id: string; name: string } }[] };
}

/** What Spur sends to Teams: a text fallback (notifications, screen readers) and an optional card. */
export interface TeamsMessage {
  text: string;
  card?: AdaptiveCard;
}

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export function card(body: CardElement[]): AdaptiveCard {
  return { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5", body, msteams: { width: "Full" } };
}

export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...options };
}

export function heading(text: string): CardElement {
  return textBlock(text, { size: "Medium", weight: "Bolder", style: "heading" });
}

export function factSet(facts: [string, string][]): CardElement {
  return { type: "FactSet", facts: facts.map(([title, value]) => ({ title, value })) };
}

/** Escapes the characters Teams' card markdown would interpret. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_[\]()#>`~|-])/g, "\\$1").replaceAll("<", "&lt;");
}

