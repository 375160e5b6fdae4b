// spur prompts …: a member turns the weekly recognition prompt off or on; an admin sets the team's
// schedule or turns it off for the whole team. Never throws.
import type { CommandToken } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

export type PromptCommand =
  | { kind: "member"; optedOut: boolean }
  | { kind: "team"; enabled: boolean }
  | { kind: "schedule"; day: number; minuteOfDay: number };

const spur = (args: string) => command("spur", args);

/** How spur prompts is used, one line each. */
export function promptsUsage(): Msg[] {
  return [
    msg("prompts.usage.title"),
    msg("prompts.usage.member", { off: spur("prompts off"), on: spur("prompts on") }),
    msg("prompts.usage.schedule", { cmd: spur("prompts schedule friday 15:00") }),
    msg("prompts.usage.team", { off: spur("prompts team off"), on: spur("prompts team on") }),
  ];
}

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** Whether spur tokens are a prompts command (checked before the admin parser). */
export function isPromptCommand(tokens: CommandToken[]): boolean {
  return tokens[0]?.kind === "word" && tokens[0].text.toLowerCase() === "prompts";
}

function usage(): ParseResult<PromptCommand> {
  const [first, ...rest] = promptsUsage();
  const joined = rest.reduce((all: Msg, line) => msg("prompts.lineBreak", { all, line }), first ?? msg("prompts.usage.title"));
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, joined) };
}

export function parsePromptCommand(tokens: CommandToken[]): ParseResult<PromptCommand> {
  const [, verb, ...args] = tokens.map((t) => t.text.toLowerCase());
  if ((verb === "off" || verb === "on") && args.length === 0) return { ok: true, command: { kind: "member", optedOut: verb === "off" } };
  if (verb === "team" && args.length === 1 && (args[0] === "off" || args[0] === "on")) {
    return { ok: true, command: { kind: "team", enabled: args[0] === "on" } };
  }
  if (verb === "schedule") {
    const day = DAYS.findIndex((d) => (args[0] ?? "").length >= 3 && d.startsWith(args[0] ?? ""));
    const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(args[1] ?? "");
    if (day < 0 || !time || args.length !== 2) {
      return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg("prompts.scheduleUsage", { cmd: spur("prompts schedule friday 15:00") })) };
    }
    return { ok: true, command: { kind: "schedule", day: day + 1, minuteOfDay: Number(time[1]) * 60 + Number(time[2]) } };
  }
  return usage();
}
