// `/spur …` administration: roles, the team's channel, time zone and digest schedule. Never throws.
import { parseMention, tokenize, type MentionRef } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import type { Role } from "../shared/model.ts";
import { isValidTimeZone } from "../shared/period.ts";
import { LEADERBOARD_POST_MODES, type LeaderboardPostMode } from "./team-post-settings.ts";

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
  | { kind: "awards"; enabled: boolean | null };

export const ADMIN_USAGE = [
  "*Spur administration* (workspace admins):",
  "• `/spur role @member agent|lead|admin` — set someone's role",
  "• `/spur channel #channel` — where shoutouts and the weekly digest are posted",
  "• `/spur timezone Europe/Berlin` — the team's time zone (weeks and schedules follow it)",
  "• `/spur digest monday 09:00` — when the weekly digest is posted, in the team's time zone",
  "• `/spur digest movers named|private` (leads and admins) — whether the digest names agents whose score fell (private by default)",
  "• `/spur status` — the team's recent scheduled posts, and why any failed",
  "• `/spur digest preview` / `/spur digest send` (leads and admins) — see last week's digest privately, or post it now (once per week)",
  "• `/spur digest send force` (admins) — post last week's digest again even if it already went out (audited)",
  "• `/spur leaderboard-post kudos|composite|both|off` — what the weekly leaderboard post ranks",
  "• `/spur awards on|off` — whether the monthly awards are posted (on the month's first working day, at the digest time)",
  "• `/spur prompts off|on` — your weekly \"Who helped you this week?\" prompt (`/spur prompts` for the team schedule)",
].join("\n");

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const ROLES: Role[] = ["agent", "lead", "admin"];
const ESCAPED_CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;

function fail(code: ErrorCode, message: string): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(code, message) };
}

export function parseAdminCommand(text: string): ParseResult<AdminCommand> {
  const [verb, ...args] = tokenize(text);
  switch (verb?.toLowerCase()) {
    case undefined:
    case "help":
      return { ok: true, command: { kind: "help" } };
    case "role": {
      const target = args[0] ? parseMention(args[0]) : null;
      const role = args[1]?.toLowerCase() as Role | undefined;
      if (!target || !role || !ROLES.includes(role) || args.length !== 2) {
        return fail(ErrorCode.UnknownArgument, "Usage: `/spur role @member agent|lead|admin`.");
      }
      return { ok: true, command: { kind: "role", target, role } };
    }
    case "channel": {
      const match = ESCAPED_CHANNEL.exec(args[0] ?? "");
      if (!match?.[1] || args.length !== 1) {
        return fail(ErrorCode.UnknownArgument, "Usage: `/spur channel #channel` — pick the channel from the # list.");
      }
      return { ok: true, command: { kind: "channel", channelId: match[1] } };
    }
    case "timezone": {
      const timeZone = args[0] ?? "";
      if (args.length !== 1 || !isValidTimeZone(timeZone) || (!timeZone.includes("/") && timeZone !== "UTC")) {
        return fail(
          ErrorCode.UnknownArgument,
          `"${timeZone}" is not a time zone I know. Use an IANA name such as \`Europe/Berlin\` or \`America/New_York\`.`,
        );
      }
      return { ok: true, command: { kind: "timezone", timeZone } };
    }
    case "digest": {
      const sub = args[0]?.toLowerCase();
      if (sub === "preview" && args.length === 1) return { ok: true, command: { kind: "digest_preview" } };
      if (sub === "send" && args.length === 1) return { ok: true, command: { kind: "digest_send", force: false } };
      if (sub === "send" && args.length === 2 && args[1]?.toLowerCase() === "force") return { ok: true, command: { kind: "digest_send", force: true } };
      if (sub === "send") return fail(ErrorCode.UnknownArgument, "Usage: `/spur digest send` (once per week) or `/spur digest send force` (admins: post it again).");
      if (sub === "movers") {
        const choice = args[1]?.toLowerCase();
        if ((choice !== "named" && choice !== "private") || args.length !== 2) {
          return fail(ErrorCode.UnknownArgument, "Usage: `/spur digest movers named|private` — whether the weekly digest names agents whose score fell.");
        }
        return { ok: true, command: { kind: "digest_movers", named: choice === "named" } };
      }
      const day = DAYS.findIndex((d) => d.startsWith((args[0] ?? "").toLowerCase()) && (args[0] ?? "").length >= 3);
      const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(args[1] ?? "");
      if (day < 0 || !time || args.length !== 2) {
        return fail(ErrorCode.UnknownArgument, "Usage: `/spur digest monday 09:00` (24-hour time, team time zone).");
      }
      return { ok: true, command: { kind: "digest", day: day + 1, minuteOfDay: Number(time[1]) * 60 + Number(time[2]) } };
    }
    case "leaderboard-post": {
      const mode = args[0]?.toLowerCase();
      if (args.length === 0) return { ok: true, command: { kind: "leaderboard_post", mode: null } };
      if (args.length !== 1 || !LEADERBOARD_POST_MODES.includes(mode as LeaderboardPostMode)) {
        return fail(ErrorCode.UnknownArgument, "Usage: `/spur leaderboard-post kudos|composite|both|off` — what the weekly leaderboard post ranks.");
      }
      return { ok: true, command: { kind: "leaderboard_post", mode: mode as LeaderboardPostMode } };
    }
    case "awards": {
      const choice = args[0]?.toLowerCase();
      if (args.length === 0) return { ok: true, command: { kind: "awards", enabled: null } };
      if (args.length !== 1 || (choice !== "on" && choice !== "off")) {
        return fail(ErrorCode.UnknownArgument, "Usage: `/spur awards on|off` — whether the team's monthly awards are posted.");
      }
      return { ok: true, command: { kind: "awards", enabled: choice === "on" } };
    }
    case "status":
      if (args.length > 0) return fail(ErrorCode.UnknownArgument, "Usage: `/spur status`.");
      return { ok: true, command: { kind: "status" } };
    default:
      return fail(ErrorCode.UnknownArgument, `I don't know \`/spur ${verb}\`.\n${ADMIN_USAGE}`);
  }
}

export function assertLeadOrAdmin(role: Role): void {
  if (role === "agent") {
    throw new SpurError(ErrorCode.NotAllowed, "Only leads and admins can preview or send the team's digest.");
  }
}

export function assertAdmin(role: Role): void {
  if (role !== "admin") {
    throw new SpurError(ErrorCode.NotAllowed, "Only Spur admins can change settings. Ask a workspace admin.");
  }
}

export function dayName(isoDay: number): string {
  const name = DAYS[isoDay - 1] ?? "monday";
  return name[0]?.toUpperCase() + name.slice(1);
}
