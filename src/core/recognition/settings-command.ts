// spur settings <name> <value>: one recognition setting changed as text, beside the settings form that
// spur settings alone opens. The values are parsed with the same helpers as the form and saved through the
// same core update (validation, admin check, audit entry).
import type { CommandToken } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import { parseCompanyValues, parseEmojiPoints, type RecognitionSettings } from "./recognition-settings.ts";
import { code, command, msg, type Msg } from "../../i18n/message.ts";

export interface SettingsTextCommand {
  kind: "set";
  patch: Partial<RecognitionSettings>;
}

const spur = (args: string) => command("spur", args);

/** How to change each setting as text, one line each. */
export function settingsTextUsage(): [Msg, ...Msg[]] {
  return [
    msg("recognitionSettings.usage.title", { show: spur("settings") }),
    msg("recognitionSettings.usage.allowance", { cmd: spur("settings allowance 8 day|week") }),
    msg("recognitionSettings.usage.maxPoints", { cmd: spur("settings max-points 4") }),
    msg("recognitionSettings.usage.cooldown", { cmd: spur("settings cooldown 30") }),
    msg("recognitionSettings.usage.emoji", { cmd: spur("settings emoji star=1, tada=3") }),
    msg("recognitionSettings.usage.values", { cmd: spur("settings values #ownership, empathy"), required: spur("settings value-required on|off") }),
    msg("recognitionSettings.usage.leaderboard", { cmd: spur("settings leaderboard everyone|leads") }),
    msg("recognitionSettings.usage.notifyLead", { cmd: spur("settings notify-lead on|off") }),
  ];
}

function fail(message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.InvalidSetting, message) };
}

const usage = (args: string) => fail(msg("recognitionSettings.parse.usage", { usage: spur(`settings ${args}`) }));

function whole(raw: string | undefined): number {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

function onOff(raw: string | undefined): boolean | null {
  const word = raw?.toLowerCase();
  return word === "on" || word === "yes" ? true : word === "off" || word === "no" ? false : null;
}

/** Parses the tokens after `settings`. Numbers out of range are left to the core validation, which names the limit. */
export function parseSettingsCommand(tokens: CommandToken[]): ParseResult<SettingsTextCommand> {
  const [name, ...args] = tokens.map((t) => t.text);
  const rest = args.join(" ");
  switch (name?.toLowerCase()) {
    case undefined:
      return fail(joined(settingsTextUsage()));
    case "allowance": {
      const period = args[1]?.toLowerCase();
      if (args.length < 1 || args.length > 2 || Number.isNaN(whole(args[0])) || (period !== undefined && period !== "day" && period !== "week")) {
        return usage("allowance <points> [day|week]");
      }
      return { ok: true, command: { kind: "set", patch: { allowancePoints: whole(args[0]), ...(period ? { allowancePeriod: period } : {}) } } };
    }
    case "max-points":
    case "cooldown": {
      const n = whole(args[0]);
      if (args.length !== 1 || Number.isNaN(n)) return usage(`${name.toLowerCase()} <whole number>`);
      return { ok: true, command: { kind: "set", patch: name.toLowerCase() === "cooldown" ? { cooldownMinutes: n } : { maxPointsPerGift: n } } };
    }
    case "emoji": {
      const emoji = parseEmojiPoints(rest);
      return emoji.ok ? { ok: true, command: { kind: "set", patch: { emojiPoints: emoji.value } } } : fail(emoji.error);
    }
    case "values": {
      const parsed = rest.trim().toLowerCase() === "none" ? { ok: true as const, value: [] } : parseCompanyValues(rest);
      if (!parsed.ok) return fail(parsed.error);
      const values = parsed.value;
      if (values.length === 0 && rest.trim().toLowerCase() !== "none") {
        return fail(msg("recognitionSettings.parse.values", { example: spur("settings values #ownership, empathy"), none: code("none") }));
      }
      return { ok: true, command: { kind: "set", patch: { companyValues: values } } };
    }
    case "value-required":
    case "notify-lead": {
      const flag = onOff(args[0]);
      if (args.length !== 1 || flag === null) return usage(`${name.toLowerCase()} on|off`);
      return { ok: true, command: { kind: "set", patch: name.toLowerCase() === "notify-lead" ? { notifyLead: flag } : { valueRequired: flag } } };
    }
    case "leaderboard": {
      const who = args[0]?.toLowerCase();
      if (args.length !== 1 || (who !== "everyone" && who !== "leads")) return usage("leaderboard everyone|leads");
      return { ok: true, command: { kind: "set", patch: { leaderboardVisibility: who } } };
    }
    default:
      return fail(msg("recognitionSettings.parse.unknown", { name: code(name ?? ""), usage: joined(settingsTextUsage()) }));
  }
}

/** Lines as one message, one per line: for a refusal, which is a single message. */
function joined([first, ...rest]: [Msg, ...Msg[]]): Msg {
  return rest.reduce((all, line) => msg("recognitionSettings.lineBreak", { all, line }), first);
}
