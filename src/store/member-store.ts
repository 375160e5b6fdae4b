import type { Member, PlatformUserProfile, Role, Workspace } from "../core/shared/model.ts";
import { MEMBER_RESOLVE_TOPIC } from "../core/shared/roster.ts";
import type { MemberRepository } from "../core/shared/ports.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import { audited } from "./audited.ts";
import { MEMBER_COLUMNS, type MemberSqlRow, memberOfRow, toMember } from "./mappers.ts";
import { type Db, sqlOf } from "./prisma.ts";
import { GroupCommit } from "./group-commit.ts";
import type { Sql } from "./sql.ts";

type Lookup = { workspaceId: string; platformUserIds: string[] };
type ProvisionalAdd = { workspace: Workspace; teamId: string; people: { platformUserId: string; displayName: string }[] };

export class PrismaMemberStore implements MemberRepository {
  private readonly sql: Sql;
  private readonly lookups: GroupCommit<Lookup, Member[]>;
  private readonly provisionals: GroupCommit<ProvisionalAdd, Member[]>;

  /** `outboxWritten` is told after a statement that may have queued profile readings (the relay then runs at once). */
  constructor(
    private readonly db: Db,
    private readonly outboxWritten: () => void = () => undefined,
  ) {
    this.sql = sqlOf(db);
    this.lookups = new GroupCommit((batch) => this.lookUp(batch));
    this.provisionals = new GroupCommit((batch) => this.findOrAdd(batch));
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
  async setRole(memberId: string, role: Role, audit?: AuditEntry): Promise<Member> {
    const row = await audited(
      this.db,
      async (tx) => {
        const updated = await tx.member.update({ where: { id: memberId }, data: { role } });
        if (role === "agent") await tx.teamLead.deleteMany({ where: { memberId } });
        if (role === "lead" && updated.teamId && (await tx.teamLead.count({ where: { memberId } })) === 0) {
          await tx.teamLead.create({ data: { memberId, teamId: updated.teamId } });
        }
        return updated;
      },
      audit,
    );
    return toMember(row);
  }

  async setLocale(memberId: string, locale: string | null): Promise<Member> {
    return toMember(await this.db.member.update({ where: { id: memberId }, data: { locale } }));
  }

  /**
   * One statement per batch (a roster page is one batch), race-free across processes. Roles are Spur's own once
   * a member exists, so a refresh never overwrites them; a provisional member's placeholder role (agent) does give
   * way, but not a role an admin gave them before their profile was read.
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
        role = CASE WHEN member.provisional AND member.role = 'agent' THEN EXCLUDED.role ELSE member.role END,
        is_bot = EXCLUDED.is_bot, is_deactivated = EXCLUDED.is_deactivated, provisional = false, updated_at = now()
      RETURNING id::text AS id`;
    const stored = await this.db.member.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
    return stored.map(toMember);
  }

  /** Group-committed like the look-ups: requests meeting new people at the same time share one statement. */
  findOrAddProvisional(workspace: Workspace, teamId: string, people: { platformUserId: string; displayName: string }[]): Promise<Member[]> {
    if (people.length === 0) return Promise.resolve([]);
    return this.provisionals.submit({ workspace, teamId, people });
  }

  private async findOrAdd(batch: ProvisionalAdd[]): Promise<PromiseSettledResult<Member[]>[]> {
    const rows = batch.flatMap((b) => b.people.map((p) => ({ b, ...p })));
    const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
    // One statement: the members already stored; the others inserted, each with an outbox row that queues the
    // reading of their profile. The outer SELECT's snapshot does not see this statement's own inserts, so nobody
    // is returned twice.
    const found = await this.sql.query<MemberSqlRow>(
      `WITH p AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
           AS p(workspace_id, team_id, platform_user_id, display_name, platform, external_id)),
       existing AS (
         SELECT ${MEMBER_COLUMNS} FROM member WHERE (workspace_id, platform_user_id) IN (SELECT workspace_id, platform_user_id FROM p)),
       added AS (
         INSERT INTO member (workspace_id, team_id, platform_user_id, display_name, provisional, updated_at)
         SELECT DISTINCT ON (p.workspace_id, p.platform_user_id) p.workspace_id, p.team_id, p.platform_user_id, p.display_name, true, now()
         FROM p WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.workspace_id = p.workspace_id AND m.platform_user_id = p.platform_user_id)
         ORDER BY p.workspace_id, p.platform_user_id
         ON CONFLICT (workspace_id, platform_user_id) DO NOTHING
         RETURNING ${MEMBER_COLUMNS}),
       queued AS (
         INSERT INTO outbox_message (topic, payload)
         SELECT $7, jsonb_build_object('platform', w.platform, 'externalId', w.external_id, 'platformUserId', a.platform_user_id)
         FROM added a JOIN (SELECT DISTINCT workspace_id, platform, external_id FROM p) w ON w.workspace_id = a.workspace_id
         RETURNING 1)
       SELECT * FROM existing UNION ALL SELECT * FROM added`,
      [
        col((r) => r.b.workspace.id),
        col((r) => r.b.teamId),
        col((r) => r.platformUserId),
        col((r) => r.displayName),
        col((r) => r.b.workspace.platform),
        col((r) => r.b.workspace.externalId),
        MEMBER_RESOLVE_TOPIC,
      ],
    );
    const byKey = new Map(found.map((r) => [`${r.workspace_id}:${r.platform_user_id}`, memberOfRow(r)]));
    const results: PromiseSettledResult<Member[]>[] = [];
    for (const b of batch) {
      const ids = [...new Set(b.people.map((p) => p.platformUserId))];
      const members = ids.flatMap((id) => byKey.get(`${b.workspace.id}:${id}`) ?? []);
      // Someone else's insert of the same person committed after this statement's snapshot was taken: it is
      // neither inserted nor seen here, but a new statement sees it.
      if (members.length < ids.length) {
        results.push(await this.findByPlatformIds(b.workspace.id, ids).then((value) => ({ status: "fulfilled" as const, value }), (reason: unknown) => ({ status: "rejected" as const, reason })));
      } else {
        results.push({ status: "fulfilled", value: members });
      }
    }
    if (found.some((r) => r.provisional)) this.outboxWritten();
    return results;
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
