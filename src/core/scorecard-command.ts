// Parsing `/scorecard [@member]` text (Slack and Teams alike). Never throws.
import { type MentionRef, parseMention, tokenize } from "./command-text.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { ParseResult } from "./kudos-command.ts";

export const SCORECARD_USAGE = "Use `/scorecard` for your own scorecard, or `/scorecard @agent` for a member of your team.";

export interface ScorecardCommand {
  /** Whose scorecard; null for your own. */
  subject: MentionRef | null;
}

export function parseScorecardText(text: string): ParseResult<ScorecardCommand> {
  const tokens = tokenize(text);
  if (tokens.length > 1) {
    return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, `Only one person at a time. ${SCORECARD_USAGE}`) };
  }
  const first = tokens[0];
  if (first === undefined) return { ok: true, command: { subject: null } };
  const ref = parseMention(first);
  if (!ref) return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, `I didn't understand "${first}". ${SCORECARD_USAGE}`) };
  return { ok: true, command: { subject: ref } };
}
