// The weekly leaderboard post in the team channel.
import { type LeaderboardPost, leaderboardSections, leaderboardTitle } from "../../core/awards/leaderboard-post.ts";
import { escapeMrkdwn, type KnownBlock, mention } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export function leaderboardPostMessage(post: LeaderboardPost): SlackMessage {
  const title = leaderboardTitle(post);
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: title.slice(0, 150) } }];
  for (const { title: heading, section, show } of leaderboardSections(post)) {
    const lines =
      section.rows.length === 0 ? ["_Nobody to rank this week._"] : section.rows.map((r) => `${r.rank}. ${mention(r.member)} — ${show(r.value)}`);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(heading)}*\n${lines.join("\n")}` } });
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Rule: ${escapeMrkdwn(section.rule)}` }] });
  }
  return { text: title, blocks };
}
