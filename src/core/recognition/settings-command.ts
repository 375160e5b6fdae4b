// `/spur settings <name> <value>`: recognition settings as text, for chat surfaces without forms (Teams).
// The values are parsed with the same helpers as Slack's settings form and saved through the same core
// update (validation, admin check, audit entry).
import { tokenize } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import { formatEmojiPoints, parseCompanyValues, parseEmojiPoints, type RecognitionSettings } from "./recognition-settings.ts";
import { valueTags } from "../shared/wording.ts";

export type SettingsTextCommand = { kind: "show" } | { kind: "set"; patch: Partial<RecognitionSettings> };

export const SETTINGS_TEXT_USAGE = [
  "*Recognition settings* (workspace admins): `/spur settings` shows them; change one with",
  "• `/spur settings allowance 8 day|week` — points each person can give per day or week",
  "• `/spur settings max-points 4` — most points in one gift",
  "• `/spur settings cooldown 30` — minutes between two gifts to the same person (0 = none)",
  "• `/spur settings emoji star=1, tada=3` — reactions that give kudos",
  "• `/spur settings values #ownership, empathy` (or `none`) and `/spur settings value-required on|off`",
  "• `/spur settings leaderboard everyone|leads` — who can see the leaderboard",
  "• `/spur settings notify-lead on|off` — tell a recipient's lead about their kudos",
].join("\n");

function fail(message: string): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.InvalidSetting, message) };
}

function whole(raw: string | undefined): number {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

function onOff(raw: string | undefined): boolean | null {
  const word = raw?.toLowerCase();
  return word === "on" || word === "yes" ? true : word === "off" || word === "no" ? false : null;
}

/** Parses the words after `settings`. Numbers out of range are left to the core validation, which names the limit. */
export function parseSettingsText(text: string): ParseResult<SettingsTextCommand> {
  const [name, ...args] = tokenize(text);
  const rest = args.join(" ");
  switch (name?.toLowerCase()) {
    case undefined:
      return { ok: true, command: { kind: "show" } };
    case "allowance": {
      const period = args[1]?.toLowerCase();
      if (args.length < 1 || args.length > 2 || Number.isNaN(whole(args[0])) || (period !== undefined && period !== "day" && period !== "week")) {
        return fail("Usage: `/spur settings allowance <points> [day|week]`.");
      }
      return { ok: true, command: { kind: "set", patch: { allowancePoints: whole(args[0]), ...(period ? { allowancePeriod: period } : {}) } } };
    }
    case "max-points":
    case "cooldown": {
      const n = whole(args[0]);
      if (args.length !== 1 || Number.isNaN(n)) return fail(`Usage: \`/spur settings ${name.toLowerCase()} <whole number>\`.`);
      return { ok: true, command: { kind: "set", patch: name.toLowerCase() === "cooldown" ? { cooldownMinutes: n } : { maxPointsPerGift: n } } };
    }
    case "emoji": {
      const emoji = parseEmojiPoints(rest);
      return typeof emoji === "string" ? fail(emoji) : { ok: true, command: { kind: "set", patch: { emojiPoints: emoji } } };
    }
    case "values": {
      const values = rest.trim().toLowerCase() === "none" ? [] : parseCompanyValues(rest);
      if (typeof values === "string") return fail(values);
      if (values.length === 0 && rest.trim().toLowerCase() !== "none") return fail("List the values, e.g. `/spur settings values #ownership, empathy`, or `none`.");
      return { ok: true, command: { kind: "set", patch: { companyValues: values } } };
    }
    case "value-required":
    case "notify-lead": {
      const flag = onOff(args[0]);
      if (args.length !== 1 || flag === null) return fail(`Usage: \`/spur settings ${name.toLowerCase()} on|off\`.`);
      return { ok: true, command: { kind: "set", patch: name.toLowerCase() === "notify-lead" ? { notifyLead: flag } : { valueRequired: flag } } };
    }
    case "leaderboard": {
      const who = args[0]?.toLowerCase();
      if (args.length !== 1 || (who !== "everyone" && who !== "leads")) return fail("Usage: `/spur settings leaderboard everyone|leads`.");
      return { ok: true, command: { kind: "set", patch: { leaderboardVisibility: who } } };
    }
    default:
      return fail(`I don't know the setting \`${name}\`.\n${SETTINGS_TEXT_USAGE}`);
  }
}

/** The current settings, one per line, in the words `parseSettingsText` accepts. */
export function describeSettings(s: RecognitionSettings): string {
  return [
    "*Recognition settings*",
    `• allowance: ${s.allowancePoints} points per ${s.allowancePeriod}`,
    `• max-points: ${s.maxPointsPerGift} per gift`,
    `• cooldown: ${s.cooldownMinutes === 0 ? "none" : `${s.cooldownMinutes} minutes`}`,
    `• emoji: ${formatEmojiPoints(s.emojiPoints)}`,
    `• values: ${s.companyValues.length > 0 ? valueTags(s.companyValues) : "none"} (value-required: ${s.valueRequired ? "on" : "off"})`,
    `• leaderboard: ${s.leaderboardVisibility}`,
    `• notify-lead: ${s.notifyLead ? "on" : "off"}`,
  ].join("\n");
}
