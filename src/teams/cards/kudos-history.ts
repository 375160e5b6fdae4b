// A page of someone's kudos history as an Adaptive Card, from the same core page as Slack's.
import { DateTime } from "luxon";
import { historyNeighbours, type HistoryPage, historyTitle } from "../../core/recognition/kudos-history.ts";
import { card, type CardElement, escapeMarkdown, heading, plural, type TeamsMessage, textBlock, valueTags } from "./adaptive-card.ts";
import { actionSet, CARD_VERBS, executeAction } from "./card-actions.ts";

/** Newer / Older: whose history (their platform id) and from which offset; privacy is checked on the click. */
function pageButtons(page: HistoryPage): CardElement[] {
  const { newer, older } = historyNeighbours(page);
  const u = page.subject.platformUserId;
  const buttons = [
    ...(newer === null ? [] : [executeAction("Newer", CARD_VERBS.historyPage, { u, o: newer })]),
    ...(older === null ? [] : [executeAction("Older", CARD_VERBS.historyPage, { u, o: older })]),
  ];
  return buttons.length === 0 ? [] : [actionSet(buttons)];
}

export function kudosHistoryCard(page: HistoryPage, timeZone: string): TeamsMessage {
  const title = historyTitle(page);
  const lines = page.items.map((item) => {
    const arrow = item.direction === "given" ? "→" : "←";
    const when = DateTime.fromJSDate(item.createdAt, { zone: timeZone }).toFormat("d LLL");
    const tags = item.values.length > 0 ? ` ${valueTags(item.values)}` : "";
    const line = `${when} ${arrow} ${escapeMarkdown(item.otherName)} **${plural(item.points, "point")}** — ${escapeMarkdown(item.reason)}${tags} \`${item.giftId.slice(0, 8)}\``;
    // Card markdown has no strikethrough: a revoked kudos is marked in words.
    return item.revoked ? `${line} _(revoked)_` : line;
  });
  return {
    text: title,
    card: card([
      heading(escapeMarkdown(title)),
      ...(lines.length === 0 ? [textBlock("No kudos yet.", { isSubtle: true })] : lines.map((l) => textBlock(l, { spacing: "Small" }))),
      ...pageButtons(page),
    ]),
  };
}
