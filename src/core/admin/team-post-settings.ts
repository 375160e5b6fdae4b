// Each team's choices for its scheduled posts beyond the weekly digest: what the weekly leaderboard ranks
// (or off), and whether the monthly awards are posted. An admin's change is audited in its transaction.
import type { AuditEntry } from "../shared/audit.ts";

export const LEADERBOARD_POST_MODES = ["kudos", "composite", "both", "off"] as const;
export type LeaderboardPostMode = (typeof LEADERBOARD_POST_MODES)[number];

export interface TeamPostSettings {
  leaderboardMode(teamId: string): Promise<LeaderboardPostMode>;
  setLeaderboardMode(teamId: string, mode: LeaderboardPostMode, audit?: AuditEntry): Promise<void>;
  /** Whether the team's monthly awards are posted (on unless an admin turned them off). */
  awardsEnabled(teamId: string): Promise<boolean>;
  setAwardsEnabled(teamId: string, enabled: boolean, audit?: AuditEntry): Promise<void>;
}
