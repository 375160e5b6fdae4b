// A member as plain SQL reads it (alias `m`), for the statements that skip Prisma's client.
import type { Member, Role } from "../core/shared/model.ts";

export const MEMBER_COLUMNS = `m.id::text AS id, m.workspace_id::text AS workspace_id, m.team_id::text AS team_id, m.platform_user_id,
  m.display_name, m.handle, m.locale, m.role::text AS role, m.is_bot, m.is_deactivated, m.provisional`;

export interface MemberSqlRow {
  id: string;
  workspace_id: string;
  team_id: string | null;
  platform_user_id: string;
  display_name: string;
  handle: string | null;
  locale: string | null;
  role: Role;
  is_bot: boolean;
  is_deactivated: boolean;
  provisional: boolean;
}

export function memberOfSqlRow(r: MemberSqlRow): Member {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    teamId: r.team_id,
    platformUserId: r.platform_user_id,
    displayName: r.display_name,
    handle: r.handle,
    locale: r.locale,
    role: r.role,
    isBot: r.is_bot,
    isDeactivated: r.is_deactivated,
    provisional: r.provisional,
  };
}
