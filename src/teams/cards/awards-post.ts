// The monthly awards card in the team channel: each award with its winners, its rule and any tie.
import type { AwardWinner } from "../../core/awards/awards.ts";
import type { MonthlyAwards } from "../../core/awards/awards-post.ts";
import { awardsTitle } from "../../core/shared/wording.ts";
import { card, type CardElement, escapeMarkdown, heading, listOf, type TeamsMessage, textBlock } from "./adaptive-card.ts";

function winnerName(winner: AwardWinner): string {
  return escapeMarkdown(winner.kind === "member" ? winner.member.displayName : winner.teamName);
}

export function awardsPostCard(awards: MonthlyAwards): TeamsMessage {
  const title = awardsTitle(awards.teamName, awards.monthLabel);
  const body: CardElement[] = [heading(escapeMarkdown(title))];
  for (const award of awards.awards) {
    body.push(textBlock(`🏆 **${escapeMarkdown(award.title)}**`, { spacing: "Medium" }));
    body.push(
      textBlock(award.winners.length === 0 ? escapeMarkdown(award.none ?? "No winner this month.") : `${listOf(award.winners.map(winnerName))} — ${award.value}`),
    );
    const notes = [`Rule: ${award.rule}`, ...(award.tie ? [award.tie] : [])];
    body.push(textBlock(escapeMarkdown(notes.join(" ")), { isSubtle: true, size: "Small" }));
  }
  return { text: title, card: card(body) };
}
