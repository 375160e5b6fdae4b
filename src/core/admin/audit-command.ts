// spur audit [period] [@member] [page N], read from command tokens. Never throws.
// Periods read like the other commands': week|month|quarter (the current one, also "this week"), "last month",
// or a key (2026-W47, 2026-11, 2026-Q4); no period means the whole log.
import { type CommandToken, type MentionRef, mentionOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import type { PeriodKind } from "../shared/review-period.ts";
import { code, command, msg, type Msg } from "../../i18n/message.ts";

export type AuditPeriodArg = { kind: "current" | "last"; period: PeriodKind } | { kind: "key"; key: string };

export interface AuditCommand {
  period: AuditPeriodArg | null;
  member: MentionRef | null;
  page: number;
}

export const AUDIT_ARGS = "[week|month|quarter|last month|2026-11] [@member] [page 2]";
const KINDS: PeriodKind[] = ["week", "month", "quarter"];
const PERIOD_KEY = /^\d{4}-(W\d{2}|0[1-9]|1[0-2]|Q[1-4])$/i;
const MAX_PAGE = 1000;

export function isAuditCommand(tokens: CommandToken[]): boolean {
  return tokens[0]?.kind === "word" && tokens[0].text.toLowerCase() === "audit";
}

function fail(message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, message) };
}

const usage = () => command("spur", `audit ${AUDIT_ARGS}`);

export function parseAuditCommand(tokens: CommandToken[]): ParseResult<AuditCommand> {
  const args = tokens.slice(1);
  let period: AuditPeriodArg | null = null;
  let member: MentionRef | null = null;
  let page: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    const mention = mentionOf(token);
    if (mention) {
      if (member) return fail(msg("audit.parse.oneMember", { usage: usage() }));
      member = mention;
      continue;
    }
    const word = token?.kind === "word" ? token.text.toLowerCase() : "";
    const next = args[i + 1]?.kind === "word" ? args[i + 1]!.text.toLowerCase() : "";
    let spec: AuditPeriodArg;
    if ((word === "this" || word === "last") && KINDS.includes(next as PeriodKind)) {
      spec = { kind: word === "this" ? "current" : "last", period: next as PeriodKind };
      i++;
    } else if (KINDS.includes(word as PeriodKind)) spec = { kind: "current", period: word as PeriodKind };
    else if (PERIOD_KEY.test(word)) spec = { kind: "key", key: word.toUpperCase() };
    else if (word === "page" && /^\d{1,4}$/.test(next) && Number(next) >= 1 && Number(next) <= MAX_PAGE && page === null) {
      page = Number(next);
      i++;
      continue;
    } else return fail(msg("audit.parse.unknownWord", { word: code(token?.text ?? ""), usage: usage() }));
    if (period) return fail(msg("audit.parse.onePeriod", { usage: usage() }));
    period = spec;
  }
  return { ok: true, command: { period, member, page: page ?? 1 } };
}

/** How the command's period is typed again (for the next page's hint). */
export function auditPeriodText(period: AuditPeriodArg | null): string {
  if (!period) return "";
  if (period.kind === "key") return period.key;
  return period.kind === "last" ? `last ${period.period}` : period.period;
}
