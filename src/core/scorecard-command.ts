// `/scorecard [@member]` for Slack and Teams alike: parsing the text (never throws) and carrying it out.
import { describeMention, type MentionRef, mentionKey, parseMention, tokenize } from "./command-text.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { ParseResult } from "./kudos-command.ts";
import type { MemberDirectory } from "./member-directory.ts";
import type { Team, Workspace } from "./model.ts";
import type { WorkspaceRepository } from "./ports.ts";
import { buildScorecard, type Scorecard, type ScorecardDeps } from "./scorecard.ts";

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

export interface ScorecardCommandDeps extends ScorecardDeps {
  members: MemberDirectory;
  workspaces: WorkspaceRepository;
}

/** The scorecard the viewer asked for: their own, or the named member's (if they may see it). */
export async function runScorecardCommand(
  deps: ScorecardCommandDeps,
  input: { workspace: Workspace; defaultTeam: Team; viewerPlatformId: string; command: ScorecardCommand; now: Date },
): Promise<Scorecard> {
  const { workspace, defaultTeam, command } = input;
  const viewer = await deps.members.byPlatformId(workspace, defaultTeam.id, input.viewerPlatformId);
  if (!viewer) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");
  let subject = viewer;
  const ref = command.subject;
  if (ref) {
    const found = (await deps.members.resolve(workspace, defaultTeam.id, [ref])).get(mentionKey(ref));
    if (!found) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(ref)} in this workspace.`);
    subject = found;
  }
  const team = (subject.teamId && (await deps.workspaces.teamById(subject.teamId))) || defaultTeam;
  return buildScorecard(deps, { viewer, subject, team, now: input.now });
}
