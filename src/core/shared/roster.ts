// The roster Spur keeps of each workspace's people: read page by page from the chat platform (Slack users.list,
// the Teams roster) once a day and at install, kept current by membership events, and completed in the
// background for people a gift named before Spur knew them (provisional members).
import type { PlatformUserProfile, Workspace } from "./model.ts";

export interface RosterPage {
  profiles: PlatformUserProfile[];
  /** Where the next page starts; null after the last page. */
  next: string | null;
}

/** Lists a workspace's people on its chat platform. */
export interface PlatformRoster {
  /** The page that starts at `cursor` (null: the first); null when Spur can't list people there (not installed). */
  page(workspace: Workspace, cursor: string | null): Promise<RosterPage | null>;
}

/**
 * Where people Spur has not seen are added provisionally instead of being looked up first; their profiles are
 * filled in later, within the platform's rate limits, by the job the outbox topic MEMBER_RESOLVE_TOPIC queues.
 */
export interface ProvisionalResolution {
  provisionalIn(workspace: Workspace): boolean;
}

/** The outbox topic written with each provisional member: read their profile from the platform. */
export const MEMBER_RESOLVE_TOPIC = "member.resolve";

export interface MemberResolvePayload {
  platform: Workspace["platform"];
  externalId: string;
  platformUserId: string;
}

/** A workspace's roster sync of one day, claimed so that one process runs it once; `id` names this claim. */
export interface RosterSyncRun {
  id: string;
}

export interface RosterSyncRuns {
  /**
   * Claims the workspace's sync of `day` (YYYY-MM-DD, UTC): creates it, or takes over one whose lease expired.
   * Null when that day's sync is done or another process holds a live lease on it.
   */
  claim(workspaceId: string, day: string, leaseMs: number, now: Date): Promise<RosterSyncRun | null>;
  /** Records a stored page and extends the lease; false when the run is no longer this claim's. */
  progress(runId: string, members: number, leaseUntil: Date): Promise<boolean>;
  finish(runId: string, now: Date): Promise<void>;
}

/** The UTC day a roster sync at `now` belongs to. */
export function rosterDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
