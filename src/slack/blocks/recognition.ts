// The /leaderboard reply.
import { type Leaderboard, leaderboardTitle } from "../../core/recognition/leaderboard.ts";
import type { KnownBlock } from "./format.ts";
import { escapeMrkdwn, mention, plural } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export function leaderboardMessage(board: Leaderboard): SlackMessage {
  const title = leaderboardTitle(board);
  const medals = [":first_place_medal:", ":second_place_medal:", ":third_place_medal:"];
  const lines = board.rows.map(
    (r) => `${medals[r.rank - 1] ?? `${r.rank}.`} ${mention(r)} — ${plural(r.points, "point")} (${plural(r.count, "kudos", "kudos")})`,
  );
  const you = board.caller
    ? `You are #${board.caller.rank} with ${plural(board.caller.points, "point")}.`
    : `You are not on this board yet.`;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(title)}*\n${lines.join("\n") || "_No kudos in this window yet._"}` } },
    { type: "context", elements: [{ type: "mrkdwn", text: you }] },
  ];
  return { text: `${title}. ${you}`, blocks };
}
