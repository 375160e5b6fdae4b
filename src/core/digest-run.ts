// Posting a team's weekly digest exactly once per team and week, whatever BullMQ redelivers:
// a digest-run row claims the work (unique on team, kind and period), a lease lets another worker take
// over from one that died, and a takeover first looks for a post the dead worker made but never recorded.
import { composeWeeklyDigest, type WeeklyDigestDeps } from "./digest.ts";
import { TransientError } from "./errors.ts";
import { previousWeek, weekByKey } from "./period.ts";
import type { Clock, DigestRunRepository, Notifier, RunMarker, WorkspaceRepository } from "./ports.ts";

export const WEEKLY_DIGEST_KIND = "weekly_digest";
export const DIGEST_EVENT_TYPE = "spur_weekly_digest";

export type DigestRunOutcome =
  | { status: "posted"; periodKey: string; messageRef: string; recovered: boolean }
  | { status: "already_done"; periodKey: string }
  | { status: "skipped"; reason: "team_not_found" | "no_channel" }
  | { status: "failed"; periodKey: string; reason: string };

export interface DigestRunDeps extends WeeklyDigestDeps {
  workspaces: WorkspaceRepository;
  runs: DigestRunRepository;
  notifierFor(teamId: string): Promise<Notifier>;
  clock: Clock;
  leaseMs: number;
}

/** Runs the digest for the week before `now` in the team's time zone, or for `periodKey` if given. */
export async function runWeeklyDigest(
  deps: DigestRunDeps,
  input: { teamId: string; periodKey?: string },
): Promise<DigestRunOutcome> {
  const team = await deps.workspaces.teamById(input.teamId);
  if (!team) return { status: "skipped", reason: "team_not_found" };
  if (!team.channelId) return { status: "skipped", reason: "no_channel" };
  const channelId = team.channelId;

  const now = deps.clock.now();
  const period = input.periodKey ? weekByKey(input.periodKey, team.timeZone) : previousWeek(now, team.timeZone);
  const claim = await deps.runs.claim(
    { teamId: team.id, kind: WEEKLY_DIGEST_KIND, periodKey: period.key },
    deps.leaseMs,
    now,
  );
  if (!claim) return { status: "already_done", periodKey: period.key };

  const marker: RunMarker = { eventType: DIGEST_EVENT_TYPE, periodKey: period.key, teamId: team.id };
  const notifier = await deps.notifierFor(team.id);
  try {
    if (claim.attempt > 1) {
      const earlier = await notifier.findPosted(channelId, marker, period.end);
      if (earlier) {
        await deps.runs.markPosted(claim.id, earlier.channelId, earlier.messageRef, deps.clock.now());
        return { status: "posted", periodKey: period.key, messageRef: earlier.messageRef, recovered: true };
      }
    }
    const digest = await composeWeeklyDigest(deps, team, period);
    const posted = await notifier.post(channelId, { kind: "weekly_digest", digest, marker });
    await deps.runs.markPosted(claim.id, posted.channelId, posted.messageRef, deps.clock.now());
    return { status: "posted", periodKey: period.key, messageRef: posted.messageRef, recovered: false };
  } catch (err) {
    return { status: "failed", periodKey: period.key, reason: await settleFailedRun(deps.runs, claim.id, err) };
  }
}

/**
 * After a failed post: a transient error releases the claim and is rethrown, so the retry claims it again
 * straight away (the marker check covers a post that did go out); any other error marks the run failed and
 * returns the reason admins will see.
 */
export async function settleFailedRun(runs: DigestRunRepository, claimId: string, err: unknown): Promise<string> {
  if (err instanceof TransientError) {
    await runs.release(claimId);
    throw err;
  }
  const reason = err instanceof Error ? err.message : String(err);
  await runs.markFailed(claimId, reason);
  return reason;
}
