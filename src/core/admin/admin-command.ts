// spur … administration: roles, the team's channel, time zone, digest schedule, scheduled posts and the
// workspace's language, parsed from command tokens. Never throws.
import { type CommandToken, type MentionRef, mentionOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import type { Role } from "../shared/model.ts";
import { isValidTimeZone } from "../shared/period.ts";
import { LEADERBOARD_POST_MODES, type LeaderboardPostMode } from "./team-post-settings.ts";
import { LOCALES, type Locale } from "../../i18n/locale.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

export type AdminCommand =
  | { kind: "help" }
  | { kind: "role"; target: MentionRef; role: Role }
  | { kind: "channel"; channelId: string }
  | { kind: "timezone"; timeZone: string }
  | { kind: "digest"; day: number; minuteOfDay: number }
  | { kind: "status" }
  | { kind: "digest_preview" }
  | { kind: "digest_send"; force: boolean }
  | { kind: "digest_movers"; named: boolean }
  | { kind: "leaderboard_post"; mode: LeaderboardPostMode | null }
  | { kind: "awards"; enabled: boolean | null }
  | { kind: "locale"; locale: Locale | null };

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const ROLES: Role[] = ["agent", "lead", "admin"];

function fail(code: ErrorCode, message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(code, message) };
}

const usage = (key: Parameters<typeof msg>[0], args: string) => fail(ErrorCode.UnknownArgument, msg(key, { usage: command("spur", args) }));

/** The words of the tokens, lower-cased ("" for a mention or channel). */
function words(tokens: CommandToken[]): string[] {
  return tokens.map((t) => (t.kind === "word" ? t.text.toLowerCase() : ""));
}

export function parseAdminCommand(tokens: CommandToken[]): ParseResult<AdminCommand> {
  const [verbToken, ...rest] = tokens;
  const verb = verbToken?.kind === "word" ? verbToken.text.toLowerCase() : verbToken ? "" : undefined;
  const args = words(rest);
  switch (verb) {
    case undefined:
    case "help":
      return { ok: true, command: { kind: "help" } };
    case "role": {
      const target = mentionOf(rest[0]);
      const role = args[1] as Role | undefined;
      if (!target || !role || !ROLES.includes(role) || rest.length !== 2) return usage("admin.parse.role", "role @member agent|lead|admin");
      return { ok: true, command: { kind: "role", target, role } };
    }
    case "channel": {
      const channel = rest[0];
      if (channel?.kind !== "channel" || rest.length !== 1) return usage("admin.parse.channel", "channel #channel");
      return { ok: true, command: { kind: "channel", channelId: channel.id } };
    }
    case "timezone": {
      const timeZone = parseTimeZoneArg(rest, "timezone");
      return timeZone.ok ? { ok: true, command: { kind: "timezone", timeZone: timeZone.value } } : timeZone;
    }
    case "digest":
      return parseDigest(args);
    case "leaderboard-post": {
      const mode = args[0];
      if (args.length === 0) return { ok: true, command: { kind: "leaderboard_post", mode: null } };
      if (args.length !== 1 || !LEADERBOARD_POST_MODES.includes(mode as LeaderboardPostMode)) {
        return usage("admin.parse.leaderboardPost", "leaderboard-post kudos|composite|both|off");
      }
      return { ok: true, command: { kind: "leaderboard_post", mode: mode as LeaderboardPostMode } };
    }
    case "awards": {
      const choice = args[0];
      if (args.length === 0) return { ok: true, command: { kind: "awards", enabled: null } };
      if (args.length !== 1 || (choice !== "on" && choice !== "off")) return usage("admin.parse.awards", "awards on|off");
      return { ok: true, command: { kind: "awards", enabled: choice === "on" } };
    }
    case "locale": {
      if (rest.length === 0) return { ok: true, command: { kind: "locale", locale: null } };
      const locale = LOCALES.find((l) => l.toLowerCase() === args[0]);
      if (!locale || rest.length !== 1) return usage("admin.parse.locale", `locale ${LOCALES.join("|")}`);
      return { ok: true, command: { kind: "locale", locale } };
    }
    case "status":
      if (args.length > 0) return usage("admin.usage", "status");
      return { ok: true, command: { kind: "status" } };
    default:
      return fail(ErrorCode.UnknownArgument, msg("admin.parse.unknown", { command: command("spur", verbToken?.text ?? "") }));
  }
}

function parseDigest(args: string[]): ParseResult<AdminCommand> {
  const [sub, second] = args;
  if (sub === "preview" && args.length === 1) return { ok: true, command: { kind: "digest_preview" } };
  if (sub === "send" && args.length === 1) return { ok: true, command: { kind: "digest_send", force: false } };
  if (sub === "send" && args.length === 2 && second === "force") return { ok: true, command: { kind: "digest_send", force: true } };
  if (sub === "send") {
    return fail(ErrorCode.UnknownArgument, msg("admin.parse.digestSend", { send: command("spur", "digest send"), force: command("spur", "digest send force") }));
  }
  if (sub === "movers") {
    if ((second !== "named" && second !== "private") || args.length !== 2) return usage("admin.parse.movers", "digest movers named|private");
    return { ok: true, command: { kind: "digest_movers", named: second === "named" } };
  }
  const schedule = parseWeeklySchedule(args, "digest monday 09:00");
  return schedule.ok ? { ok: true, command: { kind: "digest", ...schedule.value } } : schedule;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: SpurError };

/**
 * An IANA time zone given as the only token (`UTC` or a name with a slash); `prefix` is how the command reads
 * before the zone, for the examples in the refusal ("timezone", "team Tier 1 timezone").
 */
/** A time zone a team may run on: an IANA name with a region ("Europe/Berlin"), or UTC. */
export function isTeamTimeZone(timeZone: string): boolean {
  return isValidTimeZone(timeZone) && (timeZone.includes("/") || timeZone === "UTC");
}

/** "09:00" (24-hour) as minutes after midnight; null when it is not such a time. */
export function parseClockTime(text: string): number | null {
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
  return time ? Number(time[1]) * 60 + Number(time[2]) : null;
}

export function parseTimeZoneArg(rest: CommandToken[], prefix: string): Parsed<string> {
  const timeZone = rest[0]?.kind === "word" ? rest[0].text : (rest[0]?.text ?? "");
  if (rest.length !== 1 || !isTeamTimeZone(timeZone)) {
    return fail(
      ErrorCode.UnknownArgument,
      msg("admin.parse.timezone", { timeZone, example: command("spur", `${prefix} Europe/Berlin`), example2: command("spur", `${prefix} America/New_York`) }),
    );
  }
  return { ok: true, value: timeZone };
}

/** A weekday (three letters or more) and a 24-hour time; `usageText` is the command shown when they are not. */
export function parseWeeklySchedule(args: string[], usageText: string): Parsed<{ day: number; minuteOfDay: number }> {
  const [dayWord, timeWord] = args;
  const day = DAYS.findIndex((d) => d.startsWith(dayWord ?? "") && (dayWord ?? "").length >= 3);
  const minuteOfDay = parseClockTime(timeWord ?? "");
  if (day < 0 || minuteOfDay === null || args.length !== 2) return usage("admin.parse.digest", usageText);
  return { ok: true, value: { day: day + 1, minuteOfDay } };
}

export function assertLeadOrAdmin(role: Role): void {
  if (role === "agent") throw new SpurError(ErrorCode.NotAllowed, msg("admin.refused.notLeadDigest"));
}

export function assertAdmin(role: Role): void {
  if (role !== "admin") throw new SpurError(ErrorCode.NotAllowed, msg("admin.refused.notAdmin"));
}

/** "Mondays", "每周一": the day a weekly post goes out, in the reader's language. */
export function weeklyDay(isoDay: number): Msg {
  return msg("admin.day", { day: String(isoDay) });
}

export function dayName(isoDay: number): string {
  const name = DAYS[isoDay - 1] ?? "monday";
  return name[0]?.toUpperCase() + name.slice(1);
}
