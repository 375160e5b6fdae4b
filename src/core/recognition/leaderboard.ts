// leaderboard [week|month|quarter|all] [given|received] [#value]: top members of the caller's team in a
// window computed in the team's time zone, with the caller's own rank.
import { DateTime } from "luxon";
import { type CommandToken, valueTagOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import type { Member, Team } from "../shared/model.ts";
import type { TimeRange } from "../shared/ports.ts";
import type { KudosLedger, LeaderboardRow, RecognitionSettingsRepository } from "./recognition-ports.ts";
import { individualRankingsShown } from "./ranking-visibility.ts";
import { command, msg, type Msg, when } from "../../i18n/message.ts";

export type LeaderboardWindow = "week" | "month" | "quarter" | "all";

export interface LeaderboardCommand {
  window: LeaderboardWindow;
  direction: "given" | "received";
  value: string | null;
}

export const LEADERBOARD_TOP = 10;

const WINDOWS = new Set<LeaderboardWindow>(["week", "month", "quarter", "all"]);

/** How /leaderboard is used, with the command as each surface spells it. */
export function leaderboardUsage(): Msg {
  return msg("leaderboard.usage", {
    usage: command("leaderboard", "[week|month|quarter|all] [given|received] [#value]"),
    example: command("leaderboard", "month #ownership"),
  });
}

export function parseLeaderboardCommand(tokens: CommandToken[]): ParseResult<LeaderboardCommand> {
  const parsed: LeaderboardCommand = { window: "week", direction: "received", value: null };
  for (const token of tokens) {
    const word = token.text.toLowerCase();
    const tag = valueTagOf(token);
    if (token.kind === "word" && WINDOWS.has(word as LeaderboardWindow)) parsed.window = word as LeaderboardWindow;
    else if (token.kind === "word" && (word === "given" || word === "received")) parsed.direction = word;
    else if (tag) parsed.value = tag;
    else return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg("leaderboard.parse.unknown", { token: token.text, usage: leaderboardUsage() })) };
  }
  return { ok: true, command: parsed };
}

/** The window containing `now` in the team's time zone, and how it is named; null for all time. */
export function leaderboardRange(window: LeaderboardWindow, now: Date, timeZone: string): (TimeRange & { label: Msg }) | null {
  if (window === "all") return null;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const start = local.startOf(window);
  const end = start.plus({ [`${window}s`]: 1 });
  const label =
    window === "week"
      ? msg("leaderboard.window.week", { week: `${start.weekYear}-W${String(start.weekNumber).padStart(2, "0")}` })
      : window === "month"
        ? msg("leaderboard.window.month", { month: when(start.toJSDate(), timeZone, "month") })
        : msg("leaderboard.window.quarter", { quarter: start.quarter, year: String(start.year) });
  return { start: start.toUTC().toJSDate(), end: end.toUTC().toJSDate(), label };
}

export interface Leaderboard {
  command: LeaderboardCommand;
  label: Msg;
  team: Team;
  rows: LeaderboardRow[];
  caller: LeaderboardRow | null;
}

export async function buildLeaderboard(
  deps: { ledger: KudosLedger; recognitionSettings: RecognitionSettingsRepository },
  input: { viewer: Member; team: Team; command: LeaderboardCommand; now: Date },
): Promise<Leaderboard> {
  const { viewer, team, command: board } = input;
  const settings = await deps.recognitionSettings.get(viewer.workspaceId);
  if (!individualRankingsShown(settings.leaderboardVisibility, { kind: "member", role: viewer.role })) {
    throw new SpurError(ErrorCode.NotAllowed, msg("leaderboard.private", { scorecard: command("scorecard") }));
  }
  const range = leaderboardRange(board.window, input.now, team.timeZone);
  const { rows, caller } = await deps.ledger.leaderboard({
    workspaceId: viewer.workspaceId,
    teamId: team.id,
    range,
    direction: board.direction,
    value: board.value,
    top: LEADERBOARD_TOP,
    callerId: viewer.id,
  });
  return { command: board, label: range?.label ?? msg("leaderboard.window.all"), team, rows, caller };
}

/** "Most generous #craft — Support, Q4 2026": what a board ranks, on every platform. */
export function leaderboardTitle(board: Leaderboard): Msg {
  return msg("leaderboard.title", {
    direction: board.command.direction,
    tag: board.command.value ? ` #${board.command.value}` : "",
    team: board.team.name,
    window: board.label,
  });
}
