// Audit log entries: every admin change (settings, revokes, teams, leads and moves), data-rights action (exports, erasures) and
// forced digest is recorded with who and why.
export interface AuditEntry {
  workspaceId: string;
  actorUserId: string;
  action:
    | "settings.update"
    | "kudos.revoke"
    | "data.export"
    | "member.forget"
    | "digest.force_send"
    | "workspace.locale"
    | "team.create"
    | "team.update"
    | "team.archive"
    | "team.lead_add"
    | "team.lead_remove"
    | "team.assign";
  target: string | null;
  details: Record<string, unknown>;
  reason: string | null;
}

/** The fields that differ between two settings objects, as { field: { from, to } }. */
export function diffSettings<T extends object>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) diff[key] = { from: before[key], to: after[key] };
  }
  return diff;
}
