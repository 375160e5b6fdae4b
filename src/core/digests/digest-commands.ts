// `/spur digest preview` and `/spur digest send [force]`, for leads and admins, on every platform.
import { assertLeadOrAdmin } from "../admin/admin-command.ts";
import type { AuditWriter } from "../data-rights/data-rights-ports.ts";
import { composeWeeklyDigest, type WeeklyDigest, type WeeklyDigestDeps } from "./digest.ts";
import type { DigestReads } from "./digest-ports.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import type { Member, Team } from "../shared/model.ts";
import { previousWeek } from "../shared/period.ts";
import type { Clock, WorkspaceRepository } from "../shared/ports.ts";

interface DigestCommandDeps extends WeeklyDigestDeps {
  workspaces: WorkspaceRepository;
  clock: Clock;
}

async function teamOfActor(deps: { workspaces: WorkspaceRepository }, actor: Member, fallback: Team): Promise<Team> {
  return (actor.teamId && (await deps.workspaces.teamById(actor.teamId))) || fallback;
}

/** Last week's digest of the actor's team, computed now and shown only to them. */
export async function previewWeeklyDigest(deps: DigestCommandDeps, actor: Member, fallback: Team): Promise<WeeklyDigest> {
  assertLeadOrAdmin(actor.role);
  const team = await teamOfActor(deps, actor, fallback);
  return composeWeeklyDigest(deps, team, previousWeek(deps.clock.now(), team.timeZone));
}

export const FORCE_ADMINS_ONLY =
  "Only Spur admins can force the digest out again. `/spur digest send` posts it if this week's has not gone out yet.";

/**
 * Queues last week's digest of the actor's team now; the digest-run claim still posts it once per week.
 * `force` (admins only, audited) posts it again even if this week's already went out.
 */
export async function sendWeeklyDigestNow(
  deps: DigestCommandDeps & {
    jobs: { sendDigestNow(teamId: string, options?: { forcedAt?: string }): Promise<void> };
    auditLog: AuditWriter;
  },
  actor: Member,
  fallback: Team,
  options: { force?: boolean } = {},
): Promise<{ team: Team; periodKey: string; forced: boolean }> {
  assertLeadOrAdmin(actor.role);
  if (options.force && actor.role !== "admin") throw new SpurError(ErrorCode.NotAllowed, FORCE_ADMINS_ONLY);
  const team = await teamOfActor(deps, actor, fallback);
  if (!team.channelId) {
    throw new SpurError(ErrorCode.NotAllowed, `${team.name} has no channel for its digest yet: an admin can set one with \`/spur channel #channel\`.`);
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

/** The confirmation both platforms show; `where` names the channel where the platform can link it. */
export function digestSentReply(sent: { team: Team; periodKey: string; forced: boolean }, where = ""): string {
  const what = `The ${sent.periodKey} digest for ${sent.team.name}`;
  return sent.forced
    ? `${what} is being posted again${where} (forced by an admin; recorded in the audit log).`
    : `${what} is on its way${where} (it is posted once per week, so nothing goes out twice).`;
}

/** `/spur digest movers named|private`: whether the team's public digest names agents whose composite fell. */
export async function setDigestMovers(
  deps: { workspaces: WorkspaceRepository; digestReads: DigestReads },
  actor: Member,
  fallback: Team,
  named: boolean,
): Promise<Msg> {
  if (actor.role === "agent") throw new SpurError(ErrorCode.NotAllowed, msg("admin.movers.refused"));
  const team = await teamOfActor(deps, actor, fallback);
  const current = await deps.digestReads.settings(team.id);
  await deps.digestReads.setSettings(team.id, { ...current, nameAllMovers: named });
  return msg(named ? "admin.movers.named" : "admin.movers.private", { team: team.name });
}
