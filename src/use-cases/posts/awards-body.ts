// The monthly awards post in the team channel: each award with its winners, its rule and any tie.
import type { AwardWinner } from "../../core/awards/awards.ts";
import type { MonthlyAwards } from "../../core/awards/awards-post.ts";
import { list, msg, type Param, when } from "../../i18n/message.ts";
import { type Block, type Body, heading, subtle } from "../body.ts";
import { who } from "./post-wording.ts";

function winnerName(winner: AwardWinner): Param {
  return winner.kind === "member" ? who(winner.member) : msg("awards.team", { name: winner.teamName });
}

export function awardsBody(awards: MonthlyAwards): Body {
  const month = when(awards.period.start, awards.period.timeZone, "month");
  const title = msg("awards.title", { month, team: awards.teamName });
  const blocks: Block[] = [heading(title)];
  for (const award of awards.awards) {
    const result =
      award.winners.length === 0 || award.value === null
        ? msg("post.em", { text: award.none ?? "" })
        : msg("awards.winners", { winners: list(award.winners.map(winnerName)), value: award.value });
    blocks.push({ kind: "lines", lines: [msg("awards.award", { title: award.title }), result] });
    const rule = msg("post.rule", { rule: award.rule });
    blocks.push(subtle(award.tie ? msg("post.space", { first: rule, second: award.tie }) : rule));
  }
  if (awards.rankingsHidden) blocks.push(subtle(msg("post.rankingsHidden")));
  return { summary: title, blocks };
}
