// `/spur prompts …`: a member turns the weekly recognition prompt off or on; an admin sets the team's
// schedule or turns it off for the whole team. Never throws.
import { tokenize } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";

export type PromptCommand =
  | { kind: "member"; optedOut: boolean }
  | { kind: "team"; enabled: boolean }
  | { kind: "schedule"; day: number; minuteOfDay: number };

export const PROMPTS_USAGE = [
  "*Weekly recognition prompts* (\"Who helped you this week?\")",
  "• `/spur prompts off` / `/spur prompts on` — stop or restart your own prompt",
  "• `/spur prompts schedule friday 15:00` — admins: when the team gets it, in the team's time zone",
  "• `/spur prompts team off` / `team on` — admins: turn it off or on for the whole team",
].join("\n");

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** Whether `/spur` text is a prompts command (checked before the admin parser). */
export function isPromptCommand(text: string): boolean {
  return tokenize(text)[0]?.toLowerCase() === "prompts";
}

export function parsePromptCommand(text: string): ParseResult<PromptCommand> {
  const [, verb, ...args] = tokenize(text).map((t) => t.toLowerCase());
  const usage = (): ParseResult<PromptCommand> => ({ ok: false, error: new SpurError(ErrorCode.UnknownArgument, PROMPTS_USAGE) });
  if ((verb === "off" || verb === "on") && args.length === 0) return { ok: true, command: { kind: "member", optedOut: verb === "off" } };
  if (verb === "team" && args.length === 1 && (args[0] === "off" || args[0] === "on")) {
    return { ok: true, command: { kind: "team", enabled: args[0] === "on" } };
  }
  if (verb === "schedule") {
    const day = DAYS.findIndex((d) => (args[0] ?? "").length >= 3 && d.startsWith(args[0] ?? ""));
    const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(args[1] ?? "");
    if (day < 0 || !time || args.length !== 2) {
      return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, "Usage: `/spur prompts schedule friday 15:00` (24-hour time, team time zone).") };
    }
    return { ok: true, command: { kind: "schedule", day: day + 1, minuteOfDay: Number(time[1]) * 60 + Number(time[2]) } };
  }
  return usage();
}
