import type { Member, PlatformUserProfile, Role } from "../core/shared/model.ts";
import type { MemberRepository } from "../core/shared/ports.ts";
import { MEMBER_COLUMNS, type MemberSqlRow, memberOfRow, toMember } from "./mappers.ts";
import { type Db, sqlOf } from "./prisma.ts";
import { GroupCommit } from "./group-commit.ts";
import type { Sql } from "./sql.ts";

type Lookup = { workspaceId: string; platformUserIds: string[] };

export class PrismaMemberStore implements MemberRepository {
  private readonly sql: Sql;
  private readonly lookups: GroupCommit<Lookup, Member[]>;

  constructor(private readonly db: Db) {
    this.sql = sqlOf(db);
    this.lookups = new GroupCommit((batch) => this.lookUp(batch));
  }

  // Every gift looks its people up here (the giver, then the recipients): plain SQL (see sql.ts), and the
  // look-ups that arrive while one is running share the next statement, as gifts share a commit.
  findByPlatformIds(workspaceId: string, platformUserIds: string[]): Promise<Member[]> {
    return this.lookups.submit({ workspaceId, platformUserIds });
  }

  private async lookUp(batch: Lookup[]): Promise<PromiseSettledResult<Member[]>[]> {
    const pairs = batch.flatMap((l) => l.platformUserIds.map((id) => [l.workspaceId, id] as const));
    const rows = await this.sql.query<MemberSqlRow>(
      `SELECT ${MEMBER_COLUMNS} FROM member
       WHERE (workspace_id, platform_user_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const found = new Map(rows.map((r) => [`${r.workspace_id}:${r.platform_user_id}`, memberOfRow(r)]));
    return batch.map((l) => ({
      status: "fulfilled",
      value: [...new Set(l.platformUserIds)].flatMap((id) => found.get(`${l.workspaceId}:${id}`) ?? []),
    }));
  }

  async findByHandles(workspaceId: string, handles: string[]): Promise<Member[]> {
    const rows = await this.db.member.findMany({ where: { workspaceId, handle: { in: handles } } });
    return rows.map(toMember);
  }

  /**
   * A member made lead who leads no team yet leads their own; an agent leads none. Which teams a lead leads is
   * changed with `spur team <name> lead add|remove`.
   */
  async setRole(memberId: string, role: Role): Promise<Member> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.member.update({ where: { id: memberId }, data: { role } });
      if (role === "agent") await tx.teamLead.deleteMany({ where: { memberId } });
      if (role === "lead" && row.teamId && (await tx.teamLead.count({ where: { memberId } })) === 0) {
        await tx.teamLead.create({ data: { memberId, teamId: row.teamId } });
      }
      return toMember(row);
    });
  }

  async setLocale(memberId: string, locale: string | null): Promise<Member> {
    return toMember(await this.db.member.update({ where: { id: memberId }, data: { locale } }));
  }

  /**
   * One statement per batch (a roster page is one batch), race-free across processes. Roles are Spur's own once
   * a member exists, so a refresh never overwrites them; a provisional member's placeholder role does give way.
   * A profile that does not say the member's language keeps the one remembered.
   */
  async upsertProfiles(workspaceId: string, teamId: string, profiles: PlatformUserProfile[], options: { fromDirectory?: boolean } = {}): Promise<Member[]> {
    const unique = [...new Map(profiles.map((p) => [p.platformUserId, p])).values()];
    const skipErased = options.fromDirectory === true;
    if (unique.length === 0) return [];
    const col = <T>(pick: (p: PlatformUserProfile) => T) => unique.map(pick);
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      INSERT INTO member (workspace_id, team_id, platform_user_id, display_name, handle, email, time_zone, locale,
                          role, is_bot, is_deactivated, provisional, updated_at)
      SELECT ${workspaceId}::uuid, ${teamId}::uuid, p.platform_user_id, p.display_name, p.handle, p.email, p.time_zone,
             p.locale, p.role::"Role", p.is_bot, p.is_deactivated, false, now()
      FROM unnest(${col((p) => p.platformUserId)}::text[], ${col((p) => p.displayName)}::text[],
                  ${col((p) => p.handle?.toLowerCase() ?? null)}::text[], ${col((p) => p.email)}::text[],
                  ${col((p) => p.timeZone)}::text[], ${col((p) => p.locale ?? null)}::text[],
                  ${col((p) => (p.isWorkspaceAdmin ? "admin" : "agent"))}::text[], ${col((p) => p.isBot)}::boolean[],
                  ${col((p) => p.isDeactivated)}::boolean[])
           AS p(platform_user_id, display_name, handle, email, time_zone, locale, role, is_bot, is_deactivated)
      WHERE NOT ${skipErased} OR NOT EXISTS (
        SELECT 1 FROM erased_identity e
        WHERE e.workspace_id = ${workspaceId}::uuid AND e.id_hash = encode(sha256(convert_to(${workspaceId}::text || ':' || p.platform_user_id, 'UTF8')), 'hex'))
      ON CONFLICT (workspace_id, platform_user_id) DO UPDATE SET
        display_name = EXCLUDED.display_name, handle = EXCLUDED.handle, email = EXCLUDED.email,
        time_zone = EXCLUDED.time_zone, locale = COALESCE(EXCLUDED.locale, member.locale),
        role = CASE WHEN member.provisional THEN EXCLUDED.role ELSE member.role END,
        is_bot = EXCLUDED.is_bot, is_deactivated = EXCLUDED.is_deactivated, provisional = false, updated_at = now()
      RETURNING id::text AS id`;
    const stored = await this.db.member.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return stored.map(toMember);
  }

  async addProvisional(workspaceId: string, teamId: string, people: { platformUserId: string; displayName: string }[]): Promise<Member[]> {
    if (people.length === 0) return [];
    // One statement: the rows inserted, and those another request stored first (the outer SELECT's snapshot
    // does not see this statement's own inserts, so nobody is returned twice).
    const rows = await this.sql.query<MemberSqlRow>(
      `WITH added AS (
         INSERT INTO member (workspace_id, team_id, platform_user_id, display_name, provisional, updated_at)
         SELECT $1::uuid, $2::uuid, p.id, p.name, true, now() FROM unnest($3::text[], $4::text[]) AS p(id, name)
         ON CONFLICT (workspace_id, platform_user_id) DO NOTHING
         RETURNING ${MEMBER_COLUMNS})
       SELECT * FROM added
       UNION ALL
       SELECT ${MEMBER_COLUMNS} FROM member WHERE workspace_id = $1::uuid AND platform_user_id = ANY($3::text[])`,
      [workspaceId, teamId, people.map((p) => p.platformUserId), people.map((p) => p.displayName)],
    );
    const members = rows.map(memberOfRow);
    // Someone else's insert of the same person committed after this statement's snapshot was taken: it is
    // neither inserted nor seen here, but a new statement sees it.
    if (members.length < new Set(people.map((p) => p.platformUserId)).size) return this.findByPlatformIds(workspaceId, people.map((p) => p.platformUserId));
    return members;
  }

  async provisionalOf(workspaceId: string, platformUserIds: string[]): Promise<string[]> {
    const rows = await this.db.member.findMany({
      where: { workspaceId, platformUserId: { in: platformUserIds }, provisional: true },
      select: { platformUserId: true },
    });
    return rows.map((r) => r.platformUserId);
  }

  async markDeparted(workspaceId: string, platformUserIds: string[]): Promise<number> {
    if (platformUserIds.length === 0) return 0;
    const { count } = await this.db.member.updateMany({
      where: { workspaceId, platformUserId: { in: platformUserIds } },
      data: { isDeactivated: true, provisional: false },
    });
    return count;
  }
}
