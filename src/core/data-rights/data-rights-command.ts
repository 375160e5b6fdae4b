// spur export [period] [csv|json] and spur forget @member [confirm]: the data-rights subcommands.
// Returns null for any other spur text, so the general parser handles it.
import { type CommandToken, mentionOf, type MentionRef } from "../shared/command-text.ts";
import { code, command, msg, type Msg } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import type { PeriodKind } from "../shared/review-period.ts";

export type ExportFormat = "csv" | "json";

/** A period key ("2026-W47", "2026-11", "2026-Q4") or a kind, meaning the last complete one of that kind. */
export type ExportPeriodArg = { kind: "key"; key: string } | { kind: "last"; period: PeriodKind };

export type DataRightsCommand =
  | { kind: "export"; period: ExportPeriodArg; format: ExportFormat }
  | { kind: "forget"; target: MentionRef; confirmed: boolean };

export const EXPORT_ARGS = "[week|month|quarter|2026-11|2026-W47|2026-Q4] [csv|json]";
const PERIOD_KEY = /^\d{4}-(W\d{2}|0[1-9]|1[0-2]|Q[1-4])$/i;

function fail(message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, message) };
}

/** Whether the tokens are a data-rights subcommand (export, forget). */
export function isDataRightsCommand(tokens: CommandToken[]): boolean {
  const verb = tokens[0]?.kind === "word" ? tokens[0].text.toLowerCase() : "";
  return verb === "export" || verb === "forget";
}

export function parseDataRightsCommand(tokens: CommandToken[]): ParseResult<DataRightsCommand> | null {
  if (!isDataRightsCommand(tokens)) return null;
  const [verb, ...args] = tokens;
  if (verb?.text.toLowerCase() === "export") return parseExport(args);
  const target = mentionOf(args[0]);
  const confirm = args[1]?.text.toLowerCase();
  if (!target || args.length > 2 || (confirm !== undefined && confirm !== "confirm")) {
    return fail(msg("dataRights.parse.forget", { usage: command("spur", "forget @member") }));
  }
  return { ok: true, command: { kind: "forget", target, confirmed: confirm === "confirm" } };
}

function parseExport(args: CommandToken[]): ParseResult<DataRightsCommand> {
  let period: ExportPeriodArg | null = null;
  let format: ExportFormat | null = null;
  for (const token of args) {
    const arg = token.kind === "word" ? token.text.toLowerCase() : "";
    if ((arg === "csv" || arg === "json") && !format) format = arg;
    else if ((arg === "week" || arg === "month" || arg === "quarter") && !period) period = { kind: "last", period: arg };
    else if (PERIOD_KEY.test(arg) && !period) period = { kind: "key", key: arg.toUpperCase() };
    else return fail(msg("dataRights.parse.export", { arg: code(token.text), usage: command("spur", `export ${EXPORT_ARGS}`) }));
  }
  return { ok: true, command: { kind: "export", period: period ?? { kind: "last", period: "month" }, format: format ?? "csv" } };
}
