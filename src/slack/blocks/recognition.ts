// Replies of the recognition commands: allowance balance, kudos history pages, leaderboards.
import { DateTime } from "luxon";
import { type Balance, describeReset, periodWord } from "../../core/recognition/allowance.ts";
import { historyNeighbours, type HistoryPage, historyTitle } from "../../core/recognition/kudos-history.ts";
import { type Leaderboard, leaderboardTitle } from "../../core/recognition/leaderboard.ts";
import type { KnownBlock } from "./format.ts";
import { escapeMrkdwn, mention, plural, values } from "./format.ts";
import type { SlackMessage } from "./replies.ts";

export const HISTORY_PAGE_ACTION = "kudos_history_page";

export function balanceMessage(balance: Balance): SlackMessage {
  const text =
    `You can still give *${plural(balance.remaining, "point")}* ${periodWord(balance.window.period)} ` +
    `(${balance.spent} of ${balance.allowance} used). Your allowance resets ${describeReset(balance.window)}.`;
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

/** Button value of a history page: whose history and from which offset. */
export interface HistoryCursor {
  u: string;
  o: number;
}

export function historyMessage(page: HistoryPage, timeZone: string): SlackMessage {
  const title = historyTitle(page, escapeMrkdwn(page.subject.displayName));
  const lines = page.items.map((item) => {
    const other = item.otherPlatformUserId ? `<@${item.otherPlatformUserId}>` : escapeMrkdwn(item.otherName);
    const arrow = item.direction === "given" ? `→ ${other}` : `← ${other}`;
    const when = DateTime.fromJSDate(item.createdAt, { zone: timeZone }).toFormat("d LLL");
    const tags = item.values.length > 0 ? ` ${values(item.values)}` : "";
    const line = `${when} ${arrow} *${plural(item.points, "point")}* — ${escapeMrkdwn(item.reason)}${tags} \`${item.giftId.slice(0, 8)}\``;
    return item.revoked ? `~${line}~ _(revoked)_` : line;
  });
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${title}*\n${lines.join("\n") || "_No kudos yet._"}` } },
  ];
  const buttons = [];
  const { newer, older } = historyNeighbours(page);
  if (newer !== null) {
    const cursor: HistoryCursor = { u: page.subject.platformUserId, o: newer };
    buttons.push({ type: "button" as const, action_id: `${HISTORY_PAGE_ACTION}_newer`, text: { type: "plain_text" as const, text: "Newer" }, value: JSON.stringify(cursor) });
  }
  if (older !== null) {
    const cursor: HistoryCursor = { u: page.subject.platformUserId, o: older };
    buttons.push({ type: "button" as const, action_id: `${HISTORY_PAGE_ACTION}_older`, text: { type: "plain_text" as const, text: "Older" }, value: JSON.stringify(cursor) });
  }
  if (buttons.length > 0) blocks.push({ type: "actions", block_id: "history_pages", elements: buttons });
  return { text: title, blocks };
}

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
