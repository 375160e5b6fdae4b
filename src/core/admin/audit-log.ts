// spur audit: a page of the audit log for admins, newest first, in a period and about a member.
import type { AuditCommand, AuditPeriodArg } from "./audit-command.ts";
import type { AuditLogReads, StoredAuditEntry } from "./audit-log-ports.ts";
import { auditPeopleIds, type AuditNames } from "./audit-wording.ts";
import { mentionKey, mentionParam } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import type { Period } from "../shared/period.ts";
import type { Clock, MemberRepository } from "../shared/ports.ts";
import { periodByKey, periodContaining, shiftPeriod } from "../shared/review-period.ts";
import { code, msg } from "../../i18n/message.ts";

export const AUDIT_PAGE_SIZE = 20;

export interface AuditLogDeps {
  auditReads: AuditLogReads;
  members: MemberDirectory;
  memberRepo: Pick<MemberRepository, "findByPlatformIds">;
  clock: Clock;
}

export interface AuditPage {
  entries: StoredAuditEntry[];
  names: AuditNames;
  period: Period | null;
  /** Whose changes, when the command named a member: their chat user id and name. */
  member: { userId: string; name: string } | null;
  page: number;
  offset: number;
  total: number;
}

export function auditPeriod(arg: AuditPeriodArg, now: Date, timeZone: string): Period {
  if (arg.kind === "key") {
    const period = periodByKey(arg.key, timeZone);
    if (!period) throw new SpurError(ErrorCode.UnknownArgument, msg("audit.parse.period", { key: code(arg.key) }));
    return period;
  }
  const current = periodContaining(arg.period, now, timeZone);
  return arg.kind === "last" ? shiftPeriod(current, -1) : current;
}

export async function auditLogPage(deps: AuditLogDeps, input: { workspace: Workspace; team: Team; actor: Member; command: AuditCommand }): Promise<AuditPage> {
  const { workspace, team, actor, command } = input;
  if (actor.role !== "admin") throw new SpurError(ErrorCode.NotAllowed, msg("audit.refused"));
  const period = command.period ? auditPeriod(command.period, deps.clock.now(), team.timeZone) : null;
  let subject: AuditPage["member"] = null;
  if (command.member) {
    const found = (await deps.members.resolve(workspace, team.id, [command.member])).get(mentionKey(command.member));
    // Someone Spur never stored can still be named in entries by their chat id.
    const userId = found?.platformUserId ?? (command.member.kind === "id" ? command.member.id : null);
    if (!userId) throw new SpurError(ErrorCode.UnknownUser, msg("admin.refused.unknownMember", { who: mentionParam(command.member) }));
    subject = { userId, name: found?.displayName ?? (command.member.kind === "id" ? command.member.name : undefined) ?? userId };
  }
  const offset = (command.page - 1) * AUDIT_PAGE_SIZE;
  const { entries, total } = await deps.auditReads.page(workspace.id, {
    range: period ? { start: period.start, end: period.end } : null,
    memberUserId: subject?.userId ?? null,
    offset,
    limit: AUDIT_PAGE_SIZE,
  });
  const ids = [...new Set(entries.flatMap((e) => [e.actorUserId, ...(e.target ? [e.target] : []), ...auditPeopleIds(e.details)]))];
  const known = ids.length > 0 ? await deps.memberRepo.findByPlatformIds(workspace.id, ids) : [];
  const names = new Map(known.map((m) => [m.platformUserId, m.displayName]));
  return { entries, names, period, member: subject, page: command.page, offset, total };
}
