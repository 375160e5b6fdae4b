// `/leaderboard [week|month|quarter|all] [given|received] [#value]`: top members of the caller's team in a
// window computed in the team's time zone, with the caller's own rank.
import { DateTime } from "luxon";
import { parseValueTag, tokenize } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import type { Member, Team } from "../shared/model.ts";
import type { TimeRange } from "../shared/ports.ts";
import type { KudosLedger, LeaderboardRow, RecognitionSettingsRepository } from "./recognition-ports.ts";

export type LeaderboardWindow = "week" | "month" | "quarter" | "all";

export interface LeaderboardCommand {
  window: LeaderboardWindow;
  direction: "given" | "received";
  value: string | null;
}

export const LEADERBOARD_USAGE = "Use `/leaderboard [week|month|quarter|all] [given|received] [#value]`, e.g. `/leaderboard month #ownership`.";
export const LEADERBOARD_TOP = 10;

const WINDOWS = new Set<LeaderboardWindow>(["week", "month", "quarter", "all"]);

export function parseLeaderboardText(text: string): ParseResult<LeaderboardCommand> {
  const command: LeaderboardCommand = { window: "week", direction: "received", value: null };
  for (const token of tokenize(text)) {
    const word = token.toLowerCase();
    if (WINDOWS.has(word as LeaderboardWindow)) command.window = word as LeaderboardWindow;
    else if (word === "given" || word === "received") command.direction = word;
    else if (parseValueTag(token)) command.value = parseValueTag(token);
    else return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, `I didn't understand "${token}". ${LEADERBOARD_USAGE}`) };
  }
  return { ok: true, command };
}

/** The window containing `now` in the team's time zone; null for all time. */
export function leaderboardRange(window: LeaderboardWindow, now: Date, timeZone: string): (TimeRange & { label: string }) | null {
  if (window === "all") return null;
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const start = local.startOf(window);
  const end = start.plus({ [`${window}s`]: 1 });
  const label =
    window === "week"
      ? `week ${start.weekYear}-W${String(start.weekNumber).padStart(2, "0")}`
      : window === "month"
        ? start.toFormat("LLLL yyyy")
        : `Q${start.quarter} ${start.year}`;
  return { start: start.toUTC().toJSDate(), end: end.toUTC().toJSDate(), label };
}

export interface Leaderboard {
  command: LeaderboardCommand;
  label: string;
  team: Team;
  rows: LeaderboardRow[];
  caller: LeaderboardRow | null;
}

export async function buildLeaderboard(
  deps: { ledger: KudosLedger; recognitionSettings: RecognitionSettingsRepository },
  input: { viewer: Member; team: Team; command: LeaderboardCommand; now: Date },
): Promise<Leaderboard> {
  const { viewer, team, command } = input;
  const settings = await deps.recognitionSettings.get(viewer.workspaceId);
  if (settings.leaderboardVisibility === "leads" && viewer.role === "agent") {
    throw new SpurError(ErrorCode.NotAllowed, "Your leads keep the leaderboard private for now. Your own numbers are in `/scorecard`.");
  }
  const range = leaderboardRange(command.window, input.now, team.timeZone);
  const { rows, caller } = await deps.ledger.leaderboard({
    workspaceId: viewer.workspaceId,
    teamId: team.id,
    range,
    direction: command.direction,
    value: command.value,
    top: LEADERBOARD_TOP,
    callerId: viewer.id,
  });
  return { command, label: range?.label ?? "all time", team, rows, caller };
}

/** "Most generous #craft — Support, Q4 2026": what a board ranks, on every platform. */
export function leaderboardTitle(board: Leaderboard): string {
  const what = board.command.direction === "given" ? "Most generous" : "Most recognised";
  const tag = board.command.value ? ` #${board.command.value}` : "";
  return `${what}${tag} — ${board.team.name}, ${board.label}`;
}
