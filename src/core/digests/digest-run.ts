// Posting a team's scheduled post (weekly digest, leaderboard, monthly awards) exactly once per team, kind
// and period, whatever BullMQ redelivers: a digest-run row claims the work (unique on team, kind and period),
// a lease lets another worker take over from one that died, and a takeover first looks for a post the dead
// worker made but never recorded (the post carries a marker: event type, period key and team).
import { composeWeeklyDigest, type WeeklyDigestDeps } from "./digest.ts";
import { TransientError } from "../shared/errors.ts";
import type { Team } from "../shared/model.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import { type Period, previousWeek, weekByKey } from "../shared/period.ts";
import type { Clock, DigestRunRepository, RunMarker, WorkspaceRepository } from "../shared/ports.ts";
import type { Notifier } from "../outbound/notifier.ts";

export const WEEKLY_DIGEST_KIND = "weekly_digest";
export const DIGEST_EVENT_TYPE = "spur_weekly_digest";
/** A digest an admin forced out again; each forced send is its own run, so it too is posted once. */
export const FORCED_DIGEST_KIND = "weekly_digest_forced";

export type RunOutcome =
  | { status: "posted"; periodKey: string; messageRef: string; recovered: boolean }
  | { status: "already_done"; periodKey: string }
  | { status: "skipped"; reason: "team_not_found" | "no_channel" | "not_installed" | "turned_off" | "not_due" | "rankings_hidden" }
  | { status: "failed"; periodKey: string; reason: string };

/** A team without a channel gets no public digest, but the week is known: its leads still get theirs. */
export type DigestRunOutcome = RunOutcome | { status: "skipped"; reason: "no_channel"; periodKey: string };

/** What every once-per-period post needs. */
export interface RunDeps {
  workspaces: WorkspaceRepository;
  runs: DigestRunRepository;
  /** The team's notifier; null when Spur is no longer installed in its workspace. */
  notifierFor(teamId: string): Promise<Notifier | null>;
  clock: Clock;
  leaseMs: number;
}

export interface DigestRunDeps extends RunDeps, WeeklyDigestDeps {}

export interface OncePerPeriodPost {
  /** The digest_run kind: with the team and period key, what is posted once. */
  kind: string;
  /** The Slack message metadata event type a retry looks for. */
  eventType: string;
  periodKey: string;
  /** Posts are only looked for from here on (the end of the period they cover). */
  since: Date;
  compose(marker: RunMarker): Promise<OutboundMessage>;
}

/** The team if it exists and has a channel to post to, or why the run is skipped. */
export async function teamWithChannel(
  deps: Pick<RunDeps, "workspaces">,
  teamId: string,
): Promise<{ team: Team & { channelId: string } } | { skipped: RunOutcome }> {
  const team = await deps.workspaces.teamById(teamId);
  if (!team) return { skipped: { status: "skipped", reason: "team_not_found" } };
  if (!team.channelId) return { skipped: { status: "skipped", reason: "no_channel" } };
  return { team: { ...team, channelId: team.channelId } };
}

/** Claims (team, kind, period), recovers an unrecorded earlier post on a retry, or composes and posts. */
export async function postOncePerPeriod(
  deps: RunDeps,
  team: Team & { channelId: string },
  post: OncePerPeriodPost,
): Promise<RunOutcome> {
  const { periodKey } = post;
  const notifier = await deps.notifierFor(team.id);
  if (!notifier) return { status: "skipped", reason: "not_installed" };
  const claim = await deps.runs.claim({ teamId: team.id, kind: post.kind, periodKey }, deps.leaseMs, deps.clock.now());
  if (!claim) return { status: "already_done", periodKey };

  const marker: RunMarker = { eventType: post.eventType, periodKey, teamId: team.id };
  try {
    if (claim.attempt > 1) {
      const earlier = await notifier.findPosted(team.channelId, marker, post.since);
      if (earlier) {
        await deps.runs.markPosted(claim.id, earlier.channelId, earlier.messageRef, deps.clock.now());
        return { status: "posted", periodKey, messageRef: earlier.messageRef, recovered: true };
      }
    }
    const posted = await notifier.post(team.channelId, await post.compose(marker));
    await deps.runs.markPosted(claim.id, posted.channelId, posted.messageRef, deps.clock.now());
    return { status: "posted", periodKey, messageRef: posted.messageRef, recovered: false };
  } catch (err) {
    return { status: "failed", periodKey, reason: await settleFailedRun(deps.runs, claim.id, err) };
  }
}

/**
 * Runs the digest for the week before `now` in the team's time zone, or for `periodKey` if given.
 * `forcedAt` (an admin's forced send) makes it a run of its own, posted even if the week's digest went out.
 */
export async function runWeeklyDigest(
  deps: DigestRunDeps,
  input: { teamId: string; periodKey?: string; forcedAt?: string },
): Promise<DigestRunOutcome> {
  const team = await deps.workspaces.teamById(input.teamId);
  if (!team) return { status: "skipped", reason: "team_not_found" };
  const period: Period = input.periodKey ? weekByKey(input.periodKey, team.timeZone) : previousWeek(deps.clock.now(), team.timeZone);
  if (!team.channelId) return { status: "skipped", reason: "no_channel", periodKey: period.key };
  return postOncePerPeriod(deps, { ...team, channelId: team.channelId }, {
    kind: input.forcedAt ? FORCED_DIGEST_KIND : WEEKLY_DIGEST_KIND,
    eventType: DIGEST_EVENT_TYPE,
    periodKey: input.forcedAt ? forcedPeriodKey(period.key, input.forcedAt) : period.key,
    since: period.end,
    compose: async (marker) => ({ kind: "weekly_digest", digest: await composeWeeklyDigest(deps, team, period), marker }),
  });
}

/** "2026-W47 at 2026-11-23T15:30:00.000Z": the week, and which forced send (spur status shows "weekly digest forced 2026-W47 at …"). */
export function forcedPeriodKey(weekKey: string, forcedAt: string): string {
  return `${weekKey} at ${forcedAt}`;
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
