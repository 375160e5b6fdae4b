// spur team … (Teams: admin team …): listing, creating, renaming and archiving teams, each team's channel,
// time zone and digest schedule (or the channel it is typed in, `here`), its leads, its members, its KPI
// targets, the user group it follows, and its settings form, parsed from command tokens. Never throws.
import { type CommandToken, groupOf, type MentionRef, mentionOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import { parseTimeZoneArg, parseWeeklySchedule } from "./admin-command.ts";
import { command, msg, type Param } from "../../i18n/message.ts";
import type { MessageKey } from "../../i18n/catalogue.ts";
import { TEAM_VERBS, validTeamName } from "./team-names.ts";
import { parseNamedVerb } from "./named-verbs.ts";
import { parseTargetsCommand, type TargetsCommand } from "../kpi/kpi-admin-command.ts";

export type TeamCommand =
  | { kind: "list" }
  | { kind: "create"; name: string }
  | { kind: "rename"; name: string; newName: string }
  | { kind: "archive"; name: string }
  | { kind: "channel"; name: string; channelId: string }
  /** Maps the channel the command is typed in to the team. */
  | { kind: "here"; name: string }
  | { kind: "timezone"; name: string; timeZone: string }
  | { kind: "digest"; name: string; day: number; minuteOfDay: number }
  | { kind: "lead"; name: string; action: "add" | "remove"; members: MentionRef[] }
  | { kind: "assign"; name: string; members: MentionRef[] }
  /** The team's KPI targets: listed, set, removed or edited in the form (its leads and admins). */
  | { kind: "targets"; name: string; targets: TargetsCommand }
  /** `group` is null when no user group was mentioned (or the platform has none to mention). */
  | { kind: "follow"; name: string; group: { id: string; handle: string | null } | null }
  | { kind: "unfollow"; name: string }
  /** Opens the team's settings form (its own use case). */
  | { kind: "settings"; name: string };

/** The words after the team's name that say what to change. */
const SETTINGS = ["channel", "here", "timezone", "digest", "lead", "add", "targets", "follow", "unfollow", "settings"] as const;

export function isTeamCommand(tokens: CommandToken[]): boolean {
  const first = tokens[0];
  return first?.kind === "word" && first.text.toLowerCase() === "team";
}

const word = (t: CommandToken | undefined) => (t?.kind === "word" ? t.text.toLowerCase() : "");

function fail(key: MessageKey, params: Readonly<Record<string, Param>>): ParseResult<TeamCommand> {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg(key, params)) };
}

const usage = (): ParseResult<TeamCommand> => ({ ok: false, error: usageError() });

/** A name from words only (no people or channels), or null. */
function nameOf(tokens: CommandToken[]): string | null {
  if (tokens.length === 0 || tokens.some((t) => t.kind !== "word")) return null;
  return tokens.map((t) => t.text).join(" ");
}

function named(tokens: CommandToken[]): ParseResult<string> {
  const name = nameOf(tokens);
  if (name === null || !validTeamName(name)) return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, msg("team.parse.name", { name: name ?? "" })) };
  return { ok: true, command: name };
}

const usageError = () => new SpurError(ErrorCode.UnknownArgument, msg("team.parse.usage", { list: command("spur", "team list"), help: command("spur", "help") }));

/** `team <name> settings`: the name of the team whose settings form to open, else null. */
export function teamSettingsFormName(tokens: CommandToken[]): string | null {
  if (!isTeamCommand(tokens)) return null;
  const parsed = parseTeamCommand(tokens);
  return parsed.ok && parsed.command.kind === "settings" ? parsed.command.name : null;
}

export function parseTeamCommand(tokens: CommandToken[]): ParseResult<TeamCommand> {
  const rest = tokens.slice(1);
  const verb = word(rest[0]);
  const common = parseNamedVerb(rest, ["create", "archive"] as const, named, usageError);
  if (common) return common;
  const at = rest.findIndex((t, i) => i > 0 && (SETTINGS as readonly string[]).includes(word(t)));
  if (at < 0 || TEAM_VERBS.includes(verb)) return usage();
  const n = named(rest.slice(0, at));
  if (!n.ok) return n;
  if (word(rest[at]) === "targets") {
    const targets = parseTargetsCommand(rest.slice(at), `team ${n.command} targets`);
    return targets.ok ? { ok: true, command: { kind: "targets", name: n.command, targets: targets.command } } : targets;
  }
  return parseSetting(n.command, word(rest[at]) as Exclude<(typeof SETTINGS)[number], "targets">, rest.slice(at + 1));
}

function parseSetting(name: string, setting: Exclude<(typeof SETTINGS)[number], "targets">, args: CommandToken[]): ParseResult<TeamCommand> {
  const prefix = `team ${name}`;
  switch (setting) {
    case "channel": {
      const channel = args[0];
      if (channel?.kind !== "channel" || args.length !== 1) return fail("admin.parse.channel", { usage: command("spur", `${prefix} channel #channel`) });
      return { ok: true, command: { kind: "channel", name, channelId: channel.id } };
    }
    case "here":
      if (args.length > 0) return fail("team.parse.here", { usage: command("spur", `${prefix} here`) });
      return { ok: true, command: { kind: "here", name } };
    case "timezone": {
      const zone = parseTimeZoneArg(args, `${prefix} timezone`);
      return zone.ok ? { ok: true, command: { kind: "timezone", name, timeZone: zone.value } } : zone;
    }
    case "digest": {
      const schedule = parseWeeklySchedule(args.map(word), `${prefix} digest monday 09:00`);
      return schedule.ok ? { ok: true, command: { kind: "digest", name, ...schedule.value } } : schedule;
    }
    case "lead": {
      const action = word(args[0]);
      const members = mentionsOf(args.slice(1));
      if ((action !== "add" && action !== "remove") || !members) return fail("team.parse.members", { example: command("spur", `${prefix} lead add|remove @member`) });
      return { ok: true, command: { kind: "lead", name, action, members } };
    }
    case "add": {
      const members = mentionsOf(args);
      if (!members) return fail("team.parse.members", { example: command("spur", `${prefix} add @member`) });
      return { ok: true, command: { kind: "assign", name, members } };
    }
    case "follow": {
      const group = args.length === 1 ? groupOf(args[0]) : null;
      if (!group && args.some((t) => t.kind === "group")) return fail("team.parse.follow", { usage: command("spur", `${prefix} follow @group`) });
      return { ok: true, command: { kind: "follow", name, group } };
    }
    case "unfollow":
    case "settings":
      if (args.length > 0) return fail("team.parse.nothingAfter", { usage: command("spur", `${prefix} ${setting}`) });
      return { ok: true, command: { kind: setting, name } };
  }
}

/** One or more people, and nothing else; null otherwise. */
function mentionsOf(tokens: CommandToken[]): MentionRef[] | null {
  const refs = tokens.map(mentionOf);
  if (refs.length === 0 || refs.some((r) => r === null)) return null;
  return refs as MentionRef[];
}
