// Audit log entries: every admin change (settings, roles, teams and their channel/time zone/schedule, leads and
// members, targets, API tokens,
// helpdesk secrets, feedback settings, revokes), data-rights action (exports, erasures) and forced digest is
// recorded with who and why, in the same transaction as the change. Entries hold no secrets and no token values.
import type { Member } from "./model.ts";

export const AUDIT_ACTIONS = [
  "settings.update",
  "kudos.revoke",
  "data.export",
  "member.forget",
  "digest.force_send",
  "workspace.locale",
  "member.role",
  "team.channel",
  "team.timezone",
  "team.digest_schedule",
  "team.digest_movers",
  "team.leaderboard_post",
  "team.awards",
  "kpi.target_set",
  "kpi.target_remove",
  "api_token.create",
  "api_token.revoke",
  "helpdesk.secret_set",
  "helpdesk.secret_remove",
  "helpdesk.agent",
  "helpdesk.shoutouts",
  "feedback.threshold",
  "team.create",
  "team.update",
  "team.archive",
  "team.lead_add",
  "team.lead_remove",
  "team.assign",
  "level.create",
  "level.rename",
  "level.remove",
  "level.assign",
  "level.target_set",
  "level.target_remove",
  "team.map_channel",
  "team.prompts",
  "team.follow",
  "team.unfollow",
  "team.group_sync",
] as const;

/** The actor of changes Spur makes itself (a followed user group's members moved), never a chat user id. */
export const SYSTEM_ACTOR = "spur";

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  workspaceId: string;
  /** The acting member's chat platform user id. */
  actorUserId: string;
  action: AuditAction;
  /** What the change was about: a member's chat user id, a team id, a gift id, a token prefix … */
  target: string | null;
  details: Record<string, unknown>;
  reason: string | null;
}

/** The entry an admin's change writes (`reason` only where the command asks for one). */
export function auditBy(actor: Member, action: AuditAction, target: string | null, details: Record<string, unknown> = {}): AuditEntry {
  return { workspaceId: actor.workspaceId, actorUserId: actor.platformUserId, action, target, details, reason: null };
}

/** The fields that differ between two settings objects, as { field: { from, to } }. */
export function diffSettings<T extends object>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) diff[key] = { from: before[key], to: after[key] };
  }
  return diff;
}
