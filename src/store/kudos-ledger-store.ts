// Allowance-checked gifts, history, leaderboards and revokes. Limited gifts are group-committed: each batch is
// one statement (spur_record_gifts, one transaction) that locks the batch's givers (member rows, FOR NO KEY
// UPDATE, in id order so batches never deadlock), reads what they already spent, accepts or refuses each gift in
// order and inserts the accepted ones with their follow-ups (shoutout, recipients' notes) in the outbox. Two
// concurrent gifts of the same giver therefore can never overspend, even from different processes, and a stored
// gift always has its follow-ups.
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
import { MEMBER_COLUMNS, memberOfRow, type MemberSqlRow } from "./mappers.ts";
import { outboxEntryOf } from "./outbox-store.ts";
import { type Db, sqlOf } from "./prisma.ts";
import type { Sql } from "./sql.ts";

type Limited = { gift: NewGift; limits: GiftLimits; followUps: FollowUpsOf | undefined };
type Outcome = PromiseSettledResult<StoredGift>;

const rowKey = (gift: NewGift, memberId: string) => `${gift.idempotencyKey}:${memberId}`;

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
      return this.committed(await this.decideAndInsert(items));
    } catch (err) {
      if (items.length === 1) return [{ status: "rejected", reason: err }];
      // One bad gift (e.g. a member deleted meanwhile) must not fail the others: retry them one by one, in order.
      const results: Outcome[] = [];
      for (const item of items) {
        results.push(await this.decideAndInsert([item]).then((r) => this.committed(r)[0] as Outcome, (reason: unknown): Outcome => ({ status: "rejected", reason })));
      }
      return results;
    }
  }

  private committed(outcomes: Outcome[]): Outcome[] {
    if (outcomes.some((o) => o.status === "fulfilled" && o.value.created)) this.outboxWritten();
    return outcomes;
  }

  // Every gift passes here, so a batch is one round trip: spur_record_gifts (see its migration) locks the givers,
  // reads what the rules need, decides each gift in order and inserts the accepted ones with their follow-ups,
  // all in one statement and one transaction.
  private async decideAndInsert(items: Limited[]): Promise<Outcome[]> {
    const gifts = items.map(({ gift, limits, followUps }) => {
      const giftId = randomUUID();
      const first = gift.recipients[0];
      return {
        gift: giftId,
        giver: gift.giverId,
        workspace: gift.workspaceId,
        key: first ? rowKey(gift, first.memberId) : gift.idempotencyKey,
        since: limits.windowStart.toISOString(),
        allowance: limits.allowancePoints,
        cooldown: limits.cooldownSince?.toISOString() ?? null,
        cost: gift.points * gift.recipients.length,
        points: gift.points,
        at: gift.givenAt.toISOString(),
        reason: gift.reason,
        values: gift.values,
        source: gift.source,
        source_ref: gift.sourceRef,
        recipients: gift.recipients.map((r) => ({ member: r.memberId, team: r.teamId, key: rowKey(gift, r.memberId) })),
        outbox: followUps ? followUps(giftId).map(outboxEntryOf) : [],
      };
    });
    const rows = await this.sql.query<{ outcome: "stored" | "accepted" | "allowance" | "cooldown"; gift_id: string | null; at: Date | null; spent: string | null; recipient_id: string | null }>(
      "SELECT outcome, gift_id::text AS gift_id, at, spent, recipient_id::text AS recipient_id FROM spur_record_gifts($1::jsonb)",
      [JSON.stringify(gifts)],
    );
    if (rows.length !== items.length) throw new Error(`spur_record_gifts answered ${rows.length} outcomes for ${items.length} gifts`);
    return rows.map((row): Outcome => {
      switch (row.outcome) {
        case "stored":
          return { status: "fulfilled", value: { giftId: row.gift_id as string, createdAt: row.at as Date, created: false } };
        case "accepted":
          return { status: "fulfilled", value: { giftId: row.gift_id as string, createdAt: row.at as Date, created: true, giverSpent: Number(row.spent) } };
        case "allowance":
          return { status: "rejected", reason: new GiftRefusedError({ kind: "allowance", spent: Number(row.spent) }) };
        case "cooldown":
          return { status: "rejected", reason: new GiftRefusedError({ kind: "cooldown", recipientId: row.recipient_id as string, lastGivenAt: row.at as Date }) };
      }
    });
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
    // Kudos received count for the team the recipient was in when they got them (kudos.team_id); kudos given
    // for the giver's team now.
    const inTeam = q.direction === "given" ? Prisma.sql`m.team_id = ${q.teamId}::uuid` : Prisma.sql`k.team_id = ${q.teamId}::uuid`;
    const rows = await this.db.$queryRaw<{ member_id: string; platform_user_id: string; display_name: string; points: bigint; count: bigint; rank: bigint }[]>`
      WITH totals AS (
        SELECT ${who} AS member_id, sum(k.points) AS points, count(*) AS count
        FROM kudos k JOIN member m ON m.id = ${who}
        WHERE k.workspace_id = ${q.workspaceId}::uuid AND k.revoked_at IS NULL AND ${inTeam}
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
    // Plain SQL, prepared: every lead digest and every gift notifying leads reads it.
    const rows = await this.sql.query<MemberSqlRow>(
      `SELECT ${MEMBER_COLUMNS} FROM member m
       WHERE m.role <> 'agent' AND NOT m.is_deactivated
         AND EXISTS (SELECT 1 FROM team_lead l WHERE l.member_id = m.id AND l.team_id = ANY($1::uuid[]))`,
      [teamIds],
      { name: "team_leads_of" },
    );
    return rows.map(memberOfRow);
  }

  async revokeByKey(key: string, at: Date, suffix: string): Promise<number> {
    return this.db.$executeRaw`
      UPDATE kudos SET revoked_at = ${at}, idempotency_key = idempotency_key || ${`:${suffix}`}
      WHERE idempotency_key = ${key} AND revoked_at IS NULL`;
  }
}
