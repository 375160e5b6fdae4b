// spur prompts …: a member turns the weekly recognition prompt off or on; a lead or an admin sets a team's
// schedule or turns it off for the whole team (`spur team <name> prompts …` names the team). Never throws.
import type { CommandToken } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import { TEAM_VERBS, validTeamName } from "../admin/team-names.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

export type PromptCommand =
  | { kind: "member"; optedOut: boolean }
  /** `team`: the team named, or null (the mapped channel's, a lead's only one, else the default team). */
  | { kind: "team"; team: string | null; enabled: boolean }
  | { kind: "schedule"; team: string | null; day: number; minuteOfDay: number };

const spur = (args: string) => command("spur", args);

/** How spur prompts is used, one line each. */
export function promptsUsage(): Msg[] {
  return [
    msg("prompts.usage.title"),
    msg("prompts.usage.member", { off: spur("prompts off"), on: spur("prompts on") }),
    msg("prompts.usage.schedule", { cmd: spur("prompts schedule friday 15:00") }),
    msg("prompts.usage.team", { off: spur("prompts team off"), on: spur("prompts team on") }),
    msg("prompts.usage.named", { schedule: spur("team Tier 1 prompts schedule friday 15:00"), off: spur("team Tier 1 prompts off") }),
  ];
}

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const isWord = (t: CommandToken | undefined, text: string) => t?.kind === "word" && t.text.toLowerCase() === text;

/** Where `prompts` is in `team <name> prompts …` (the name words only), or -1. */
function namedPromptsAt(tokens: CommandToken[]): number {
  if (!isWord(tokens[0], "team") || TEAM_VERBS.includes(tokens[1]?.text.toLowerCase() ?? "")) return -1;
  const at = tokens.findIndex((t, i) => i > 1 && isWord(t, "prompts"));
  return at > 1 && tokens.slice(1, at).every((t) => t.kind === "word") ? at : -1;
}

/** Whether spur tokens are a prompts command (checked before the admin and team parsers). */
export function isPromptCommand(tokens: CommandToken[]): boolean {
  return isWord(tokens[0], "prompts") || namedPromptsAt(tokens) > 0;
}

function usage(): ParseResult<PromptCommand> {
  const [first, ...rest] = promptsUsage();
  const joined = rest.reduce((all: Msg, line) => msg("prompts.lineBreak", { all, line }), first ?? msg("prompts.usage.title"));
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, joined) };
}

export function parsePromptCommand(tokens: CommandToken[]): ParseResult<PromptCommand> {
  const at = namedPromptsAt(tokens);
  if (at > 0) return parseNamed(tokens.slice(1, at).map((t) => t.text).join(" "), tokens.slice(at + 1).map((t) => t.text.toLowerCase()));
  const [, verb, ...args] = tokens.map((t) => t.text.toLowerCase());
  if ((verb === "off" || verb === "on") && args.length === 0) return { ok: true, command: { kind: "member", optedOut: verb === "off" } };
  if (verb === "team" && args.length === 1 && (args[0] === "off" || args[0] === "on")) {
    return { ok: true, command: { kind: "team", team: null, enabled: args[0] === "on" } };
  }
  if (verb === "schedule") return parseSchedule(null, args);
  return usage();
}

/** `team <name> prompts off|on|schedule <day> <time>`: the whole team's prompt. */
function parseNamed(name: string, words: string[]): ParseResult<PromptCommand> {
  if (!validTeamName(name)) return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg("team.parse.name", { name })) };
  const [verb, ...args] = words;
  if ((verb === "off" || verb === "on") && args.length === 0) return { ok: true, command: { kind: "team", team: name, enabled: verb === "on" } };
  if (verb === "schedule") return parseSchedule(name, args);
  return usage();
}

function parseSchedule(team: string | null, args: string[]): ParseResult<PromptCommand> {
  const day = DAYS.findIndex((d) => (args[0] ?? "").length >= 3 && d.startsWith(args[0] ?? ""));
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(args[1] ?? "");
  if (day < 0 || !time || args.length !== 2) {
    const example = team === null ? "prompts schedule friday 15:00" : `team ${team} prompts schedule friday 15:00`;
    return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg("prompts.scheduleUsage", { cmd: spur(example) })) };
  }
  return { ok: true, command: { kind: "schedule", team, day: day + 1, minuteOfDay: Number(time[1]) * 60 + Number(time[2]) } };
}
