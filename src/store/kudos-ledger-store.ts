// Allowance-checked gifts, history, leaderboards and revokes. Limited gifts are group-committed: each batch is
// one transaction that locks the batch's givers (member rows, FOR NO KEY UPDATE, in id order so batches
// never deadlock), reads what they already spent, accepts or refuses each gift in order and inserts the accepted
// ones in one statement, with their follow-ups (shoutout, recipients' notes) in the outbox. Two concurrent
// gifts of the same giver therefore can never overspend, even from different processes, and a stored gift
// always has its follow-ups.
import { randomUUID } from "node:crypto";
import type { FollowUpsOf } from "../core/recognition/gift-follow-ups.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import type { Member, NewGift, StoredGift } from "../core/shared/model.ts";
import {
  GiftRefusedError,
  type GiftLimits,
  type HistoryItem,
  type KudosLedger,
  type LeaderboardQuery,
  type LeaderboardRow,
  type RevokedGift,
  type TeamLeads,
} from "../core/recognition/recognition-ports.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { GroupCommit } from "./group-commit.ts";
import { toMember } from "./mappers.ts";
import { outboxEntryOf } from "./outbox-store.ts";
import { type Db, sqlOf } from "./prisma.ts";
import type { Sql, SqlQueryable } from "./sql.ts";

type Limited = { gift: NewGift; limits: GiftLimits; followUps: FollowUpsOf | undefined };
type Outcome = PromiseSettledResult<StoredGift>;

const rowKey = (gift: NewGift, memberId: string) => `${gift.idempotencyKey}:${memberId}`;
const pairKey = (giverId: string, recipientId: string) => `${giverId}>${recipientId}`;

export class PrismaKudosLedger implements KudosLedger, TeamLeads {
  private readonly writer: GroupCommit<Limited, StoredGift>;
  private readonly sql: Sql;

  /** `outboxWritten` is told after a commit that wrote follow-ups (the outbox relay then runs at once). */
  constructor(
    private readonly db: Db,
    private readonly outboxWritten: () => void = () => undefined,
  ) {
    this.sql = sqlOf(db);
    this.writer = new GroupCommit((items) => this.writeBatch(items), 200);
  }

  /** Rejects with GiftRefusedError when a limit would be broken. */
  recordLimitedGift(gift: NewGift, limits: GiftLimits, followUps?: FollowUpsOf): Promise<StoredGift> {
    return this.writer.submit({ gift, limits, followUps });
  }

  private async writeBatch(items: Limited[]): Promise<Outcome[]> {
    try {
      return this.committed(await this.sql.transaction((tx) => this.decideAndInsert(tx, items)));
    } catch (err) {
      if (items.length === 1) return [{ status: "rejected", reason: err }];
      // One bad gift (e.g. a member deleted meanwhile) must not fail the others: retry them one by one, in order.
      const results: Outcome[] = [];
      for (const item of items) {
        results.push(
          await this.sql
            .transaction((tx) => this.decideAndInsert(tx, [item]))
            .then((r) => this.committed(r)[0] as Outcome, (reason: unknown): Outcome => ({ status: "rejected", reason })),
        );
      }
      return results;
    }
  }

  private committed(outcomes: Outcome[]): Outcome[] {
    if (outcomes.some((o) => o.status === "fulfilled" && o.value.created)) this.outboxWritten();
    return outcomes;
  }

  // Every gift passes here, so it is plain SQL (see sql.ts), and each batch costs five round trips: BEGIN, the
  // givers' locks, one read of what the rules need, one write of the gifts with their follow-ups, COMMIT.
  private async decideAndInsert(tx: SqlQueryable, items: Limited[]): Promise<Outcome[]> {
    const givers = [...new Set(items.map((i) => i.gift.giverId))].sort();
    // NO KEY UPDATE serialises gifts of the same giver but, unlike FOR UPDATE, does not block the KEY SHARE
    // locks that inserting kudos takes on recipients' rows: two batches giving to each other can't deadlock.
    // The read below is a later statement, so it sees every gift committed before these locks were granted.
    await tx.query("SELECT id FROM member WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE", [givers]);

    const keys = items.flatMap((i) => i.gift.recipients.map((r) => rowKey(i.gift, r.memberId)));
    // What each giver already spent in their window (one window per giver: the same team time zone).
    const windowOf = new Map(items.map((i) => [i.gift.giverId, i.limits.windowStart.toISOString()]));
    const pairs = items.flatMap((i) =>
      i.limits.cooldownSince ? i.gift.recipients.map((r) => ({ g: i.gift.giverId, r: r.memberId, s: i.limits.cooldownSince as Date })) : [],
    );
    const known = await tx.query<{ kind: "stored" | "spent" | "last"; a: string; b: string | null; at: Date | null; n: string | null }>(
      `SELECT 'stored' AS kind, idempotency_key AS a, gift_id::text AS b, created_at AS at, NULL::bigint AS n
       FROM kudos WHERE idempotency_key = ANY($1::text[])
       UNION ALL
       SELECT 'spent', g.giver_id::text, NULL, NULL, coalesce(sum(k.points), 0)
       FROM unnest($2::uuid[], $3::timestamptz[]) AS g(giver_id, since)
       LEFT JOIN kudos k ON k.giver_id = g.giver_id AND k.created_at >= g.since AND k.revoked_at IS NULL
       GROUP BY g.giver_id
       UNION ALL
       SELECT 'last', k.giver_id::text, k.recipient_id::text, max(k.created_at), NULL
       FROM kudos k JOIN unnest($4::uuid[], $5::uuid[], $6::timestamptz[]) AS p(g, r, s)
         ON k.giver_id = p.g AND k.recipient_id = p.r AND k.created_at >= p.s
       WHERE k.revoked_at IS NULL
       GROUP BY k.giver_id, k.recipient_id`,
      [keys, [...windowOf.keys()], [...windowOf.values()], pairs.map((p) => p.g), pairs.map((p) => p.r), pairs.map((p) => p.s.toISOString())],
    );
    const byKey = new Map<string, { gift_id: string; created_at: Date }>();
    const spent = new Map<string, number>();
    const lastGiven = new Map<string, Date>();
    for (const row of known) {
      if (row.kind === "stored") byKey.set(row.a, { gift_id: row.b as string, created_at: row.at as Date });
      else if (row.kind === "spent") spent.set(row.a, Number(row.n));
      else lastGiven.set(pairKey(row.a, row.b as string), row.at as Date);
    }
    const outcomes: Outcome[] = [];
    const refuse = (breach: ConstructorParameters<typeof GiftRefusedError>[0]) =>
      outcomes.push({ status: "rejected", reason: new GiftRefusedError(breach) });
    const done = (value: StoredGift) => outcomes.push({ status: "fulfilled", value });
    const accepted: { gift: NewGift; giftId: string; followUps: FollowUpsOf | undefined }[] = [];
    const acceptedKeys = new Map<string, string>();
    for (const { gift, limits, followUps } of items) {
      const first = gift.recipients[0];
      const firstKey = first ? rowKey(gift, first.memberId) : gift.idempotencyKey;
      const stored = byKey.get(firstKey);
      if (stored) {
        done({ giftId: stored.gift_id, createdAt: stored.created_at, created: false });
        continue;
      }
      const sameBatch = acceptedKeys.get(firstKey);
      if (sameBatch) {
        done({ giftId: sameBatch, createdAt: gift.givenAt, created: false });
        continue;
      }
      const already = spent.get(gift.giverId) ?? 0;
      const cost = gift.points * gift.recipients.length;
      if (already + cost > limits.allowancePoints) {
        refuse({ kind: "allowance", spent: already });
        continue;
      }
      const blocked = limits.cooldownSince
        ? gift.recipients.find((r) => (lastGiven.get(pairKey(gift.giverId, r.memberId))?.getTime() ?? -Infinity) >= (limits.cooldownSince as Date).getTime())
        : undefined;
      if (blocked) {
        const last = lastGiven.get(pairKey(gift.giverId, blocked.memberId)) as Date;
        refuse({ kind: "cooldown", recipientId: blocked.memberId, lastGivenAt: last });
        continue;
      }
      const giftId = randomUUID();
      spent.set(gift.giverId, already + cost);
      for (const r of gift.recipients) lastGiven.set(pairKey(gift.giverId, r.memberId), gift.givenAt);
      accepted.push({ gift, giftId, followUps });
      acceptedKeys.set(firstKey, giftId);
      done({ giftId, createdAt: gift.givenAt, created: true, giverSpent: already + cost });
    }

    if (accepted.length > 0) await insertAccepted(tx, accepted);
    return outcomes;
  }

  async pointsGivenSince(giverId: string, since: Date): Promise<number> {
    const agg = await this.db.kudos.aggregate({
      where: { giverId, createdAt: { gte: since }, revokedAt: null },
      _sum: { points: true },
    });
    return agg._sum.points ?? 0;
  }

  async history(memberId: string, page: { offset: number; limit: number }): Promise<{ items: HistoryItem[]; total: number }> {
    const where = { OR: [{ giverId: memberId }, { recipientId: memberId }] };
    const [rows, total] = await Promise.all([
      this.db.kudos.findMany({
        where,
        include: { giver: true, recipient: true },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip: page.offset,
        take: page.limit,
      }),
      this.db.kudos.count({ where }),
    ]);
    const items = rows.map((r): HistoryItem => {
      const given = r.giverId === memberId;
      const other = given ? r.recipient : r.giver;
      return {
        kudosId: r.id,
        giftId: r.giftId,
        direction: given ? "given" : "received",
        otherPlatformUserId: other?.platformUserId ?? null,
        otherName: other?.displayName ?? "someone",
        points: r.points,
        reason: r.reason,
        values: r.values,
        createdAt: r.createdAt,
        revoked: r.revokedAt !== null,
      };
    });
    return { items, total };
  }

  /** Departed members and bots are not ranked; their kudos stay in the history. */
  async leaderboard(q: LeaderboardQuery): Promise<{ rows: LeaderboardRow[]; caller: LeaderboardRow | null }> {
    const who = q.direction === "given" ? Prisma.sql`k.giver_id` : Prisma.sql`k.recipient_id`;
    const range = q.range ? Prisma.sql`AND k.created_at >= ${q.range.start} AND k.created_at < ${q.range.end}` : Prisma.empty;
    const value = q.value ? Prisma.sql`AND ${q.value} = ANY(k."values")` : Prisma.empty;
    const rows = await this.db.$queryRaw<{ member_id: string; platform_user_id: string; display_name: string; points: bigint; count: bigint; rank: bigint }[]>`
      WITH totals AS (
        SELECT ${who} AS member_id, sum(k.points) AS points, count(*) AS count
        FROM kudos k JOIN member m ON m.id = ${who}
        WHERE k.workspace_id = ${q.workspaceId}::uuid AND k.revoked_at IS NULL AND m.team_id = ${q.teamId}::uuid
          AND NOT m.is_deactivated AND NOT m.is_bot ${range} ${value}
        GROUP BY ${who}
      ), ranked AS (
        SELECT t.*, m.platform_user_id, m.display_name, rank() OVER (ORDER BY t.points DESC) AS rank
        FROM totals t JOIN member m ON m.id = t.member_id
      )
      SELECT member_id::text AS member_id, platform_user_id, display_name, points, count, rank FROM ranked
      WHERE rank <= ${q.top} OR member_id = ${q.callerId}::uuid
      ORDER BY rank, display_name`;
    const mapped = rows.map((r): LeaderboardRow => ({
      memberId: r.member_id,
      platformUserId: r.platform_user_id,
      displayName: r.display_name,
      points: Number(r.points),
      count: Number(r.count),
      rank: Number(r.rank),
    }));
    return { rows: mapped.filter((r) => r.rank <= q.top), caller: mapped.find((r) => r.memberId === q.callerId) ?? null };
  }

  async revokeGift(workspaceId: string, giftRef: string, at: Date, audit: AuditEntry): Promise<RevokedGift | "not_found" | "ambiguous" | "already_revoked"> {
    const ref = giftRef.toLowerCase();
    if (!/^[0-9a-f-]{4,36}$/.test(ref)) return "not_found";
    return this.db.$transaction(async (tx) => {
      const candidates = await tx.$queryRaw<{ gift_id: string }[]>`
        SELECT DISTINCT gift_id::text AS gift_id FROM kudos
        WHERE workspace_id = ${workspaceId}::uuid AND gift_id::text LIKE ${`${ref}%`} LIMIT 2`;
      if (candidates.length === 0) return "not_found" as const;
      if (candidates.length > 1) return "ambiguous" as const;
      const giftId = (candidates[0] as { gift_id: string }).gift_id;
      const rows = await tx.kudos.findMany({ where: { giftId }, include: { recipient: true } });
      const live = rows.filter((r) => r.revokedAt === null);
      if (live.length === 0) return "already_revoked" as const;
      await tx.kudos.updateMany({ where: { giftId, revokedAt: null }, data: { revokedAt: at } });
      const result: RevokedGift = {
        giftId,
        rows: live.length,
        points: live.reduce((sum, r) => sum + r.points, 0),
        recipientUserIds: live.map((r) => r.recipient.platformUserId),
      };
      await tx.auditLogEntry.create({
        data: { ...audit, target: giftId, details: { ...audit.details, ...result } as Prisma.InputJsonValue },
      });
      return result;
    });
  }

  async leadsOf(teamIds: string[]): Promise<Member[]> {
    if (teamIds.length === 0) return [];
    const rows = await this.db.member.findMany({ where: { teamId: { in: teamIds }, role: "lead", isDeactivated: false } });
    return rows.map(toMember);
  }

  async revokeByKey(key: string, at: Date, suffix: string): Promise<number> {
    return this.db.$executeRaw`
      UPDATE kudos SET revoked_at = ${at}, idempotency_key = idempotency_key || ${`:${suffix}`}
      WHERE idempotency_key = ${key} AND revoked_at IS NULL`;
  }
}

/**
 * The accepted gifts' rows and their follow-ups in the outbox, in one statement (all or nothing). No ON CONFLICT:
 * keys were checked under the giver's lock, so a conflict is a real error and rolls the batch back.
 */
async function insertAccepted(tx: SqlQueryable, accepted: { gift: NewGift; giftId: string; followUps: FollowUpsOf | undefined }[]): Promise<void> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const rows = accepted.flatMap(({ gift, giftId }) =>
    gift.recipients.map(
      (r, position) =>
        `(${p(giftId)}::uuid, ${p(gift.workspaceId)}::uuid, ${p(r.teamId)}::uuid, ${p(gift.giverId)}::uuid, ${p(r.memberId)}::uuid, ` +
        `${p(position)}::int, ${p(gift.points)}::int, ${p(gift.reason)}, ${p(gift.values)}::text[], ${p(gift.source)}::"KudosSource", ` +
        `${p(gift.sourceRef)}, ${p(rowKey(gift, r.memberId))}, ${p(gift.givenAt)}::timestamptz)`,
    ),
  );
  const entries = accepted.flatMap(({ giftId, followUps }) => (followUps ? followUps(giftId).map(outboxEntryOf) : []));
  const topics = p(entries.map((e) => e.topic));
  const payloads = p(entries.map((e) => JSON.stringify(e.payload)));
  await tx.query(
    `WITH gifts AS (
       INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, position, points, reason, "values",
                          source, source_ref, idempotency_key, created_at)
       VALUES ${rows.join(", ")} RETURNING 1),
     follow_ups AS (
       INSERT INTO outbox_message (topic, payload)
       SELECT f.topic, f.payload::jsonb FROM unnest(${topics}::text[], ${payloads}::text[]) AS f(topic, payload) RETURNING 1)
     SELECT (SELECT count(*) FROM gifts) AS gifts, (SELECT count(*) FROM follow_ups) AS follow_ups`,
    params,
  );
}
