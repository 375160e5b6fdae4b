// What team administration needs from the store. Every change is written with its audit entry, in one
// transaction.
import type { AuditEntry } from "../shared/audit.ts";
import type { Team } from "../shared/model.ts";
import type { FollowResult } from "./user-group-ports.ts";

export interface TeamRecord extends Team {
  isDefault: boolean;
  archived: boolean;
  /** The user group the team follows (Slack), if any. */
  userGroup: { id: string; handle: string } | null;
}

export interface TeamSummary {
  team: TeamRecord;
  /** The channel mapped to the team (`team <name> here`), if any. */
  mappedChannelId: string | null;
  leads: { platformUserId: string; displayName: string }[];
  /** Active members (bots and departed accounts not counted). */
  memberCount: number;
}

/** A channel as the platform places it: its id, and what holds it (the Teams team id; null on Slack). */
export interface PlaceChannel {
  channelId: string;
  groupId: string | null;
}

/** Which team a channel is mapped to, if any; read once per interaction by each surface's runner. */
export interface ChannelTeams {
  /** The active team the channel is mapped to, or null. */
  teamOfChannel(workspaceId: string, channelId: string): Promise<Team | null>;
}

export type TeamSettingsPatch = Partial<Pick<Team, "name" | "channelId" | "timeZone" | "digestDay" | "digestMinuteOfDay">>;

/** What the team settings form changes at once: settings, leads (member ids) and the followed group. */
export interface TeamSettingsChange {
  patch: TeamSettingsPatch;
  leadsAdded: string[];
  leadsRemoved: string[];
  /** The group to follow from now on, null to follow none; absent to leave as is. */
  group?: { id: string; handle: string } | null;
}

/** The entry of each kind of change the form made (written only for the changes it made). */
export type TeamSettingsAudits = Record<"update" | "leadAdd" | "leadRemove" | "follow" | "unfollow", AuditEntry>;

export type TeamSettingsSaved = { ok: true; team: TeamRecord } | { ok: false; reason: "nameTaken" } | Exclude<FollowResult, { ok: true }>;

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
  /**
   * Maps the channel to the team and makes it the team's post channel: a channel maps to one team and a team to
   * one channel, so an earlier mapping of either moves. The audit entry's details gain the channel the team had
   * and the team the channel was mapped to before (`previousTeam`, also returned). Mapping a team to the channel
   * it is mapped to and posts in already changes nothing and writes no entry.
   */
  mapChannel(teamId: string, channel: PlaceChannel, audit: AuditEntry): Promise<{ team: TeamRecord; previousTeam: string | null }>;
  /** Every change of the settings form and their audit entries in one transaction; nothing when one is refused. */
  saveSettings(teamId: string, change: TeamSettingsChange, audits: TeamSettingsAudits, at: Date): Promise<TeamSettingsSaved>;
  /** Makes the team these members' primary team; returns the ones who moved. Their past records stay where they were. */
  assign(teamId: string, memberIds: string[], audit: AuditEntry): Promise<string[]>;
}

