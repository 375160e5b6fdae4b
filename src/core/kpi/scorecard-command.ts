// `scorecard [@agent] [week|month|quarter|YYYY-Www|YYYY-MM|YYYY-Qn]`, read from command tokens. Never throws.
import { command, msg, type Msg } from "../../i18n/message.ts";
import { type CommandToken, type MentionRef, mentionOf } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import { canViewMember } from "../shared/access.ts";
import type { Member, Team } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import { PERIOD_KINDS, periodByKey, periodContaining, type PeriodKind } from "../shared/review-period.ts";

export type PeriodSpec = { kind: PeriodKind } | { key: string };

export interface ScorecardCommand {
  subject: MentionRef | null;
  period: PeriodSpec;
}

export function scorecardUsage(): Msg {
  return msg("scorecard.usage", { own: command("scorecard"), other: command("scorecard", "@agent") });
}

const KEY = /^\d{4}-(W\d{2}|0[1-9]|1[0-2]|Q[1-4])$/;

function fail(message: Msg): { ok: false; error: SpurError } {
  return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, message) };
}

export function parseScorecardCommand(tokens: readonly CommandToken[]): ParseResult<ScorecardCommand> {
  let subject: MentionRef | null = null;
  let period: PeriodSpec | null = null;
  for (const token of tokens) {
    const mention = mentionOf(token);
    if (mention) {
      if (subject) return fail(msg("scorecard.parse.onePerson", { usage: scorecardUsage() }));
      subject = mention;
      continue;
    }
    const word = token.text;
    const kind = PERIOD_KINDS.find((k) => k === word.toLowerCase());
    const spec: PeriodSpec | null = kind ? { kind } : KEY.test(word.toUpperCase()) ? { key: word.toUpperCase() } : null;
    if (!spec) return fail(msg("scorecard.parse.unknownWord", { word, usage: scorecardUsage() }));
    if (period) return fail(msg("scorecard.parse.onePeriod", { usage: scorecardUsage() }));
    period = spec;
  }
  return { ok: true, command: { subject, period: period ?? { kind: "week" } } };
}

/** Where refused scorecard look-ups are recorded (the app's logger), so admins can see who tried. */
export interface AccessLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Logs a look-up the viewer is not allowed to make; building the scorecard then refuses it. */
export function logRefusedScorecard(log: AccessLog, viewer: Member, subject: Member, teamsLed: readonly string[]): void {
  if (canViewMember(viewer, subject, teamsLed)) return;
  log.warn({ event: "scorecard_access_refused", viewerId: viewer.id, viewerRole: viewer.role, subjectId: subject.id }, "scorecard access refused");
}

/** The period a spec names, in the team's time zone. */
export function periodForSpec(spec: PeriodSpec, team: Team, now: Date): Period {
  if ("kind" in spec) return periodContaining(spec.kind, now, team.timeZone);
  const period = periodByKey(spec.key, team.timeZone);
  if (!period) throw new SpurError(ErrorCode.UnknownArgument, msg("scorecard.unknownPeriod", { key: spec.key }));
  return period;
}
