// `/scorecard [@agent] [week|month|quarter|YYYY-Www|YYYY-MM|YYYY-Qn]`. Never throws.
import { type MentionRef, parseMention, tokenize } from "./command-text.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import type { PeriodKind } from "./review-period.ts";

export type PeriodSpec = { kind: PeriodKind } | { key: string };

export interface ScorecardCommand {
  subject: MentionRef | null;
  period: PeriodSpec;
}

export const SCORECARD_USAGE =
  "Use `/scorecard` for your own scorecard, or `/scorecard @agent` for a member of your team. " +
  "Add a period: `week`, `month`, `quarter`, `2026-W47`, `2026-11` or `2026-Q4`.";

const KINDS: PeriodKind[] = ["week", "month", "quarter"];
const KEY = /^\d{4}-(W\d{2}|0[1-9]|1[0-2]|Q[1-4])$/;

function fail(message: string): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, message) };
}

export function parseScorecardText(text: string): ParseResult<ScorecardCommand> {
  let subject: MentionRef | null = null;
  let period: PeriodSpec | null = null;
  for (const token of tokenize(text)) {
    const mention = parseMention(token);
    if (mention) {
      if (subject) return fail(`Only one person at a time. ${SCORECARD_USAGE}`);
      subject = mention;
      continue;
    }
    const lower = token.toLowerCase();
    const kind = KINDS.find((k) => k === lower);
    const spec: PeriodSpec | null = kind ? { kind } : KEY.test(token.toUpperCase()) ? { key: token.toUpperCase() } : null;
    if (!spec) return fail(`I didn't understand "${token}". ${SCORECARD_USAGE}`);
    if (period) return fail(`Only one period at a time. ${SCORECARD_USAGE}`);
    period = spec;
  }
  return { ok: true, command: { subject, period: period ?? { kind: "week" } } };
}
