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
