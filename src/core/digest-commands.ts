// `/spur digest preview` and `/spur digest send`, for leads and admins, on every platform.
import { assertLeadOrAdmin } from "./admin-command.ts";
import { composeWeeklyDigest, type WeeklyDigest, type WeeklyDigestDeps } from "./digest.ts";
import type { DigestReads } from "./digest-ports.ts";
import { ErrorCode, SpurError } from "./errors.ts";
import type { Member, Team } from "./model.ts";
import { previousWeek } from "./period.ts";
import type { Clock, WorkspaceRepository } from "./ports.ts";

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

/** Queues last week's digest of the actor's team now; the digest-run claim still posts it once per week. */
export async function sendWeeklyDigestNow(
  deps: DigestCommandDeps & { jobs: { sendDigestNow(teamId: string): Promise<void> } },
  actor: Member,
  fallback: Team,
): Promise<{ team: Team; periodKey: string }> {
  assertLeadOrAdmin(actor.role);
  const team = await teamOfActor(deps, actor, fallback);
  if (!team.channelId) {
    throw new SpurError(ErrorCode.NotAllowed, `${team.name} has no channel for its digest yet: an admin can set one with \`/spur channel #channel\`.`);
  }
  await deps.jobs.sendDigestNow(team.id);
  return { team, periodKey: previousWeek(deps.clock.now(), team.timeZone).key };
}

/** `/spur digest movers named|private`: whether the team's public digest names agents whose composite fell. */
export async function setDigestMovers(
  deps: { workspaces: WorkspaceRepository; digestReads: DigestReads },
  actor: Member,
  fallback: Team,
  named: boolean,
): Promise<string> {
  if (actor.role === "agent") {
    throw new SpurError(ErrorCode.NotAllowed, "Only the team's leads and admins can choose what the weekly digest shows.");
  }
  const team = await teamOfActor(deps, actor, fallback);
  const current = await deps.digestReads.settings(team.id);
  await deps.digestReads.setSettings(team.id, { ...current, nameAllMovers: named });
  return named
    ? `The weekly digest for ${team.name} now names every top mover, including agents whose score fell.`
    : `The weekly digest for ${team.name} names agents only for good news; falls are counted without names (leads see them in their own digest).`;
}
