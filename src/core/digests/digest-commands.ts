// Previewing and sending the weekly digest on demand, for leads and admins, on every platform.
import { auditBy } from "../shared/audit.ts";
import { assertLeadOrAdmin } from "../admin/admin-command.ts";
import { actingTeam, type ActingTeamDeps } from "../admin/acting-team.ts";
import type { AuditWriter } from "../data-rights/data-rights-ports.ts";
import { composeWeeklyDigest, type WeeklyDigest, type WeeklyDigestDeps } from "./digest.ts";
import type { DigestReads } from "./digest-ports.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import type { Member, Team } from "../shared/model.ts";
import { previousWeek } from "../shared/period.ts";
import type { Clock, WorkspaceRepository } from "../shared/ports.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

interface DigestCommandDeps extends WeeklyDigestDeps, Omit<ActingTeamDeps, "workspaces"> {
  workspaces: WorkspaceRepository;
  clock: Clock;
}

/**
 * The team a digest command acts on: the channel's team (`channelTeam`, when typed in a mapped channel), else
 * the actor's own; a lead only one they lead.
 */
async function digestTeam(deps: Omit<ActingTeamDeps, "workspaces"> & { workspaces: WorkspaceRepository }, actor: Member, fallback: Team, channelTeam: Team | null): Promise<Team> {
  const own = (actor.teamId && (await deps.workspaces.teamById(actor.teamId))) || fallback;
  return actingTeam(deps, { actor, named: null, channelTeam, fallback: own, example: null });
}

/** Last week's digest of the team (see digestTeam), computed now and shown only to the actor. */
export async function previewWeeklyDigest(deps: DigestCommandDeps, actor: Member, fallback: Team, channelTeam: Team | null = null): Promise<WeeklyDigest> {
  assertLeadOrAdmin(actor.role);
  const team = await digestTeam(deps, actor, fallback, channelTeam);
  return composeWeeklyDigest(deps, team, previousWeek(deps.clock.now(), team.timeZone));
}

/**
 * Queues last week's digest of the team (see digestTeam) now; the digest-run claim still posts it once per week.
 * `force` (admins only, audited) posts it again even if this week's already went out.
 */
export async function sendWeeklyDigestNow(
  deps: DigestCommandDeps & {
    jobs: { sendDigestNow(teamId: string, options?: { forcedAt?: string }): Promise<void> };
    auditLog: AuditWriter;
  },
  actor: Member,
  fallback: Team,
  options: { force?: boolean; channelTeam?: Team | null } = {},
): Promise<{ team: Team; periodKey: string; forced: boolean }> {
  assertLeadOrAdmin(actor.role);
  if (options.force && actor.role !== "admin") throw new SpurError(ErrorCode.NotAllowed, msg("digest.forceAdminsOnly", { send: command("spur", "digest send") }));
  const team = await digestTeam(deps, actor, fallback, options.channelTeam ?? null);
  if (!team.channelId) {
    throw new SpurError(ErrorCode.NotAllowed, msg("digest.noChannel", { team: team.name, channel: command("spur", "channel #channel") }));
  }
  const now = deps.clock.now();
  const periodKey = previousWeek(now, team.timeZone).key;
  if (!options.force) {
    await deps.jobs.sendDigestNow(team.id);
    return { team, periodKey, forced: false };
  }
  const forcedAt = now.toISOString();
  await deps.auditLog.record({
    workspaceId: team.workspaceId,
    actorUserId: actor.platformUserId,
    action: "digest.force_send",
    target: team.id,
    details: { periodKey, forcedAt, channelId: team.channelId },
    reason: null,
  });
  await deps.jobs.sendDigestNow(team.id, { forcedAt });
  return { team, periodKey, forced: true };
}

/** spur digest movers named|private: whether the team's public digest names agents whose composite fell. */
export async function setDigestMovers(
  deps: Omit<ActingTeamDeps, "workspaces"> & { workspaces: WorkspaceRepository; digestReads: DigestReads },
  actor: Member,
  fallback: Team,
  named: boolean,
  channelTeam: Team | null = null,
): Promise<Msg> {
  if (actor.role === "agent") throw new SpurError(ErrorCode.NotAllowed, msg("admin.movers.refused"));
  const team = await digestTeam(deps, actor, fallback, channelTeam);
  const current = await deps.digestReads.settings(team.id);
  const audit = current.nameAllMovers === named ? undefined : auditBy(actor, "team.digest_movers", team.id, { team: team.name, from: current.nameAllMovers, to: named });
  await deps.digestReads.setSettings(team.id, { ...current, nameAllMovers: named }, audit);
  return msg(named ? "admin.movers.named" : "admin.movers.private", { team: team.name });
}
