// What team administration needs from the store. Every change is written with its audit entry, in one
// transaction.
import type { AuditEntry } from "../shared/audit.ts";
import type { Team } from "../shared/model.ts";

export interface TeamRecord extends Team {
  isDefault: boolean;
  archived: boolean;
}

export interface TeamSummary {
  team: TeamRecord;
  leads: { platformUserId: string; displayName: string }[];
  /** Active members (bots and departed accounts not counted). */
  memberCount: number;
}

export type TeamSettingsPatch = Partial<Pick<Team, "name" | "channelId" | "timeZone" | "digestDay" | "digestMinuteOfDay">>;

export interface TeamAdminRepository {
  /** The workspace's teams, the default team first, then by creation. */
  summaries(workspaceId: string): Promise<TeamSummary[]>;
  /** The team with this name (compared case-insensitively), archived or not. */
  byName(workspaceId: string, name: string): Promise<TeamRecord | null>;
  /** "taken" when another team of the workspace already has the name (in any case). */
  create(workspaceId: string, team: Pick<Team, "name" | "timeZone" | "digestDay" | "digestMinuteOfDay">, audit: AuditEntry): Promise<TeamRecord | "taken">;
  /** "taken" as for create, when the patch renames it. */
  update(teamId: string, patch: TeamSettingsPatch, audit: AuditEntry): Promise<TeamRecord | "taken">;
  /** Archives the team and drops its leads; refused (with the count) while it still has members. */
  archive(teamId: string, at: Date, audit: AuditEntry): Promise<TeamRecord | { members: number }>;
  /** Adds or removes these members as leads of the team; returns the ones whose leadership changed. */
  setLeads(teamId: string, memberIds: string[], action: "add" | "remove", audit: AuditEntry): Promise<string[]>;
  /** Makes the team these members' primary team; returns the ones who moved. Their past records stay where they were. */
  assign(teamId: string, memberIds: string[], audit: AuditEntry): Promise<string[]>;
}

