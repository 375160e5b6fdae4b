// `/spur export [period] [csv|json]` and `/spur forget @member [confirm]`: the data-rights subcommands.
// Returns null for any other `/spur` text, so the general parser handles it.
import { parseMention, tokenize, type MentionRef } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import type { PeriodKind } from "../shared/review-period.ts";

export type ExportFormat = "csv" | "json";

/** A period key ("2026-W47", "2026-11", "2026-Q4") or a kind, meaning the last complete one of that kind. */
export type ExportPeriodArg = { kind: "key"; key: string } | { kind: "last"; period: PeriodKind };

export type DataRightsCommand =
  | { kind: "export"; period: ExportPeriodArg; format: ExportFormat }
  | { kind: "forget"; target: MentionRef; confirmed: boolean };

export const DATA_RIGHTS_USAGE = [
  "• `/spur export [week|month|quarter|2026-11|2026-W47|2026-Q4] [csv|json]` — kudos, KPI records and feedback aggregates for a period, sent to you as a file (default: last month, CSV)",
  "• `/spur forget @member` — erase a member's personal data (asks for confirmation; team totals stay)",
].join("\n");

const EXPORT_USAGE = "Usage: `/spur export [week|month|quarter|2026-11|2026-W47|2026-Q4] [csv|json]`.";
const FORGET_USAGE = "Usage: `/spur forget @member` — pick the person from the @ list.";
const PERIOD_KEY = /^\d{4}-(W\d{2}|0[1-9]|1[0-2]|Q[1-4])$/i;

function fail(message: string): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, message) };
}

export function parseDataRightsCommand(text: string): ParseResult<DataRightsCommand> | null {
  const [verb, ...args] = tokenize(text);
  switch (verb?.toLowerCase()) {
    case "export":
      return parseExport(args);
    case "forget": {
      const target = args[0] ? parseMention(args[0]) : null;
      const confirm = args[1]?.toLowerCase();
      if (!target || args.length > 2 || (confirm !== undefined && confirm !== "confirm")) return fail(FORGET_USAGE);
      return { ok: true, command: { kind: "forget", target, confirmed: confirm === "confirm" } };
    }
    default:
      return null;
  }
}

function parseExport(args: string[]): ParseResult<DataRightsCommand> {
  let period: ExportPeriodArg | null = null;
  let format: ExportFormat | null = null;
  for (const raw of args) {
    const arg = raw.toLowerCase();
    if ((arg === "csv" || arg === "json") && !format) format = arg;
    else if ((arg === "week" || arg === "month" || arg === "quarter") && !period) period = { kind: "last", period: arg };
    else if (PERIOD_KEY.test(arg) && !period) period = { kind: "key", key: arg.toUpperCase() };
    else return fail(`I can't read \`${raw}\` here. ${EXPORT_USAGE}`);
  }
  return { ok: true, command: { kind: "export", period: period ?? { kind: "last", period: "month" }, format: format ?? "csv" } };
}
