// The weekly leaderboard post in the team channel: each section's ranking and its rule.
import type { LeaderboardPost, LeaderboardSection } from "../../core/awards/leaderboard-post.ts";
import { roundScore } from "../../core/awards/team-standings.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import { type Block, type Body, heading, subtle } from "../body.ts";
import { kudosCount, periodParam, who } from "./post-wording.ts";

function sectionBlocks(title: Msg, section: LeaderboardSection, show: (value: number) => Msg): Block[] {
  const rows = section.rows.map((r) => msg("leaderboardPost.row", { rank: r.rank, who: who(r.member), value: show(r.value) }));
  return [
    { kind: "lines", lines: [title, ...(rows.length > 0 ? rows : [msg("leaderboardPost.nobody")])] },
    subtle(msg("post.rule", { rule: section.rule })),
  ];
}

export function leaderboardBody(post: LeaderboardPost): Body {
  const title = msg("leaderboardPost.title", { team: post.teamName, period: periodParam(post.period) });
  const blocks: Block[] = [heading(title)];
  if (post.kudos) blocks.push(...sectionBlocks(msg("leaderboardPost.kudosTitle"), post.kudos, kudosCount));
  if (post.composite) blocks.push(...sectionBlocks(msg("leaderboardPost.compositeTitle"), post.composite, (v) => msg("post.pct", { value: roundScore(v).toFixed(1) })));
  return { summary: title, blocks };
}
