import type { Member, PlatformUserProfile, Role } from "../core/shared/model.ts";
import type { MemberRepository } from "../core/shared/ports.ts";
import { toMember } from "./mappers.ts";
import type { Db } from "./prisma.ts";

export class PrismaMemberStore implements MemberRepository {
  constructor(private readonly db: Db) {}

  async findByPlatformIds(workspaceId: string, platformUserIds: string[]): Promise<Member[]> {
    const rows = await this.db.member.findMany({ where: { workspaceId, platformUserId: { in: platformUserIds } } });
    return rows.map(toMember);
  }

  async findByHandles(workspaceId: string, handles: string[]): Promise<Member[]> {
    const rows = await this.db.member.findMany({ where: { workspaceId, handle: { in: handles } } });
    return rows.map(toMember);
  }

  async setRole(memberId: string, role: Role): Promise<Member> {
    return toMember(await this.db.member.update({ where: { id: memberId }, data: { role } }));
  }

  async setLocale(memberId: string, locale: string | null): Promise<Member> {
    return toMember(await this.db.member.update({ where: { id: memberId }, data: { locale } }));
  }

  async upsertProfiles(workspaceId: string, teamId: string, profiles: PlatformUserProfile[]): Promise<Member[]> {
    try {
      return await this.upsertOnce(workspaceId, teamId, profiles);
    } catch (err) {
      // Another process inserted the same member between our read and write: now it is an update.
      if ((err as { code?: string }).code === "P2002") return this.upsertOnce(workspaceId, teamId, profiles);
      throw err;
    }
  }

  private async upsertOnce(workspaceId: string, teamId: string, profiles: PlatformUserProfile[]): Promise<Member[]> {
    const rows = await this.db.$transaction(
      profiles.map((p) => {
        const facts = {
          displayName: p.displayName,
          handle: p.handle?.toLowerCase() ?? null,
          email: p.email,
          timeZone: p.timeZone,
          ...(p.locale !== undefined ? { locale: p.locale } : {}),
          isBot: p.isBot,
          isDeactivated: p.isDeactivated,
        };
        return this.db.member.upsert({
          where: { workspaceId_platformUserId: { workspaceId, platformUserId: p.platformUserId } },
          // Roles are Spur's own once a member exists: a refresh never overwrites them.
          create: { workspaceId, teamId, platformUserId: p.platformUserId, role: p.isWorkspaceAdmin ? "admin" : "agent", ...facts },
          update: facts,
        });
      }),
    );
    return rows.map(toMember);
  }
}
