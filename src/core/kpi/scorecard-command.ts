// `/scorecard [@agent] [week|month|quarter|YYYY-Www|YYYY-MM|YYYY-Qn]`. Never throws.
import { describeMention, type MentionRef, mentionKey, parseMention, tokenize } from "../shared/command-text.ts";
import { unknownActor } from "../shared/errors.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { ParseResult } from "../recognition/kudos-command.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import { canViewMember } from "../shared/access.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import type { WorkspaceRepository } from "../shared/ports.ts";
import { periodByKey, periodContaining, type PeriodKind } from "../shared/review-period.ts";
import { buildScorecard, type Scorecard, type ScorecardDeps } from "./scorecard.ts";

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

/** Where refused scorecard look-ups are recorded (the app's logger), so admins can see who tried. */
export interface AccessLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface ScorecardCommandDeps extends ScorecardDeps {
  members: MemberDirectory;
  workspaces: WorkspaceRepository;
  logger: AccessLog;
}

/** Logs a look-up the viewer is not allowed to make; building the scorecard then refuses it. */
export function logRefusedScorecard(log: AccessLog, viewer: Member, subject: Member): void {
  if (canViewMember(viewer, subject)) return;
  log.warn({ event: "scorecard_access_refused", viewerId: viewer.id, viewerRole: viewer.role, subjectId: subject.id }, "scorecard access refused");
}

/** The period a spec names, in the team's time zone. */
export function periodForSpec(spec: PeriodSpec, team: Team, now: Date): Period {
  if ("kind" in spec) return periodContaining(spec.kind, now, team.timeZone);
  const period = periodByKey(spec.key, team.timeZone);
  if (!period) throw new SpurError(ErrorCode.UnknownArgument, `"${spec.key}" is not a week, month or quarter I know.`);
  return period;
}

/** The scorecard the viewer asked for: their own, or the named member's (if they may see it). */
export async function runScorecardCommand(
  deps: ScorecardCommandDeps,
  input: { workspace: Workspace; defaultTeam: Team; viewerPlatformId: string; command: ScorecardCommand; now: Date },
): Promise<Scorecard> {
  const { workspace, defaultTeam, command } = input;
  const viewer = await deps.members.byPlatformId(workspace, defaultTeam.id, input.viewerPlatformId);
  if (!viewer) throw unknownActor();
  let subject = viewer;
  const ref = command.subject;
  if (ref) {
    const found = (await deps.members.resolve(workspace, defaultTeam.id, [ref])).get(mentionKey(ref));
    if (!found) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(ref)} in this workspace.`);
    subject = found;
  }
  const team = (subject.teamId && (await deps.workspaces.teamById(subject.teamId))) || defaultTeam;
  logRefusedScorecard(deps.logger, viewer, subject);
  return buildScorecard(deps, { viewer, subject, team, period: periodForSpec(command.period, team, input.now) });
}
