// A member's recent kudos, given and received, one page at a time. Private like scorecards.
import { canViewMember, teamsLedBy } from "../shared/access.ts";
import type { TeamLeadership } from "../shared/ports.ts";
import { type MentionRef, mentionKey, mentionParam } from "../shared/command-text.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { type KudosDeps, teamOf } from "./kudos.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { HistoryItem, KudosLedger } from "./recognition-ports.ts";

export const HISTORY_PAGE_SIZE = 5;

export interface HistoryPage {
  subject: Member;
  isSelf: boolean;
  items: HistoryItem[];
  offset: number;
  pageSize: number;
  total: number;
}

export async function kudosHistory(
  deps: { ledger: KudosLedger },
  input: { viewer: Member; subject: Member; teamsLed: readonly string[]; offset: number; pageSize?: number },
): Promise<HistoryPage> {
  const { viewer, subject } = input;
  if (!canViewMember(viewer, subject, input.teamsLed)) {
    throw new SpurError(ErrorCode.NotAllowed, msg("kudos.history.private"));
  }
  const pageSize = input.pageSize ?? HISTORY_PAGE_SIZE;
  const offset = Math.max(0, Math.floor(input.offset));
  const { items, total } = await deps.ledger.history(subject.id, { offset, limit: pageSize });
  return { subject, isSelf: viewer.id === subject.id, items, offset, pageSize, total };
}

/** "Your kudos — 1–5 of 7" / "Kudos of Ana — 6–7 of 7": the page's title on every surface. */
export function historyTitle(page: HistoryPage): Msg {
  return msg("kudos.history.title", {
    self: page.isSelf ? "yes" : "no",
    name: page.subject.displayName,
    from: page.total === 0 ? 0 : page.offset + 1,
    to: page.offset + page.items.length,
    total: page.total,
  });
}

/** Where the Newer and Older buttons of a page lead (offsets), or null at either end of the history. */
export function historyNeighbours(page: HistoryPage): { newer: number | null; older: number | null } {
  return {
    newer: page.offset > 0 ? Math.max(0, page.offset - page.pageSize) : null,
    older: page.offset + page.items.length < page.total ? page.offset + page.pageSize : null,
  };
}

/**
 * A page of the history a command asked for: the viewer's own, or `subjectRef`'s when the viewer may see it,
 * with the time zone of the viewer's team (dates are shown in it).
 */
export async function historyFor(
  deps: Pick<KudosDeps, "members" | "ledger" | "workspaces"> & { teamLeads: TeamLeadership },
  input: { workspace: Workspace; defaultTeam: Team; viewer: Member; subjectRef: MentionRef | null; offset: number },
): Promise<{ page: HistoryPage; timeZone: string }> {
  const { workspace, defaultTeam, viewer } = input;
  let subject = viewer;
  if (input.subjectRef) {
    const found = (await deps.members.resolve(workspace, defaultTeam.id, [input.subjectRef])).get(mentionKey(input.subjectRef));
    if (!found) throw new SpurError(ErrorCode.UnknownUser, msg("kudos.history.unknownSubject", { who: mentionParam(input.subjectRef) }));
    subject = found;
  }
  const teamsLed = subject.id === viewer.id ? [] : await teamsLedBy(deps, viewer);
  const page = await kudosHistory(deps, { viewer, subject, teamsLed, offset: input.offset });
  const team = await teamOf(deps, viewer, defaultTeam);
  return { page, timeZone: team.timeZone };
}
