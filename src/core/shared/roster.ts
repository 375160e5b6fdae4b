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

/** Fills in, later and within the platform's rate limits, the profiles of members created provisionally. */
export interface ProvisionalResolution {
  /** Whether people Spur has not seen are added provisionally here, instead of being looked up first. */
  provisionalIn(workspace: Workspace): boolean;
  resolveLater(workspace: Workspace, platformUserIds: string[]): Promise<void>;
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
