// The weekly leaderboard card in the team channel.
import { type LeaderboardPost, leaderboardSections, leaderboardTitle } from "../../core/awards/leaderboard-post.ts";
import { card, type CardElement, escapeMarkdown, factSet, heading, type TeamsMessage, textBlock } from "./adaptive-card.ts";

export function leaderboardPostCard(post: LeaderboardPost): TeamsMessage {
  const title = leaderboardTitle(post);
  const body: CardElement[] = [heading(escapeMarkdown(title))];
  for (const { title: sectionTitle, section, show } of leaderboardSections(post)) {
    body.push(textBlock(escapeMarkdown(sectionTitle), { weight: "Bolder", spacing: "Medium" }));
    if (section.rows.length === 0) body.push(textBlock("Nobody to rank this week.", { isSubtle: true }));
    else body.push(factSet(section.rows.map((r) => [`${r.rank}. ${r.member.displayName}`, show(r.value)])));
    body.push(textBlock(escapeMarkdown(`Rule: ${section.rule}`), { isSubtle: true, size: "Small" }));
  }
  return { text: title, card: card(body) };
}
