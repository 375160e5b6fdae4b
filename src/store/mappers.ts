// Prisma rows → domain objects.
import type { Member as MemberRow, Team as TeamRow, Workspace as WorkspaceRow } from "../generated/prisma/client.ts";
import type { Member, Team, Workspace } from "../core/shared/model.ts";
import { DEFAULT_LOCALE, parseLocale } from "../i18n/locale.ts";

export function toWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, platform: row.platform, externalId: row.externalId, locale: parseLocale(row.locale) ?? DEFAULT_LOCALE };
}

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    channelId: row.channelId,
    timeZone: row.timeZone,
    digestDay: row.digestDay,
    digestMinuteOfDay: row.digestMinuteOfDay,
    archived: row.archivedAt !== null,
  };
}

/** A member row as plain SQL reads it (see sql.ts): `SELECT ${MEMBER_COLUMNS} FROM member …`. */
export interface MemberSqlRow {
  id: string;
  workspace_id: string;
  team_id: string | null;
  platform_user_id: string;
  display_name: string;
  handle: string | null;
  locale: string | null;
  role: Member["role"];
  is_bot: boolean;
  is_deactivated: boolean;
  provisional: boolean;
}

export const MEMBER_COLUMNS = "id, workspace_id, team_id, platform_user_id, display_name, handle, locale, role::text AS role, is_bot, is_deactivated, provisional";

export function memberOfRow(row: MemberSqlRow): Member {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    teamId: row.team_id,
    platformUserId: row.platform_user_id,
    displayName: row.display_name,
    handle: row.handle,
    locale: row.locale,
    role: row.role,
    isBot: row.is_bot,
    isDeactivated: row.is_deactivated,
    provisional: row.provisional,
  };
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    teamId: row.teamId,
    platformUserId: row.platformUserId,
    displayName: row.displayName,
    handle: row.handle,
    locale: row.locale,
    role: row.role,
    isBot: row.isBot,
    isDeactivated: row.isDeactivated,
    provisional: row.provisional,
  };
}
