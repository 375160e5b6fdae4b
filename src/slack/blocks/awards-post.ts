// The monthly awards post in the team channel: each award with its winners, its rule and any tie.
import type { AwardWinner } from "../../core/awards/awards.ts";
import type { MonthlyAwards } from "../../core/awards/awards-post.ts";
import { awardsTitle } from "../../core/shared/wording.ts";
import { escapeMrkdwn, type KnownBlock, listOf, mention } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

function winnerName(winner: AwardWinner): string {
  return winner.kind === "member" ? mention(winner.member) : `*${escapeMrkdwn(winner.teamName)}*`;
}

export function awardsPostMessage(awards: MonthlyAwards): SlackMessage {
  const title = awardsTitle(awards.teamName, awards.monthLabel);
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: title.slice(0, 150) } }];
  for (const award of awards.awards) {
    const result = award.winners.length === 0 ? `_${escapeMrkdwn(award.none ?? "No winner this month.")}_` : `${listOf(award.winners.map(winnerName))} — ${award.value}`;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `:trophy: *${escapeMrkdwn(award.title)}*\n${result}` } });
    const notes = [`Rule: ${award.rule}`, ...(award.tie ? [award.tie] : [])];
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(notes.join(" ")) }] });
  }
  return { text: title, blocks };
}
