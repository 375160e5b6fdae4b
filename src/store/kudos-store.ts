// Kudos storage. Gifts are written through a group commit: concurrent gifts share one multi-row INSERT,
// all-or-nothing per statement; a failed batch is retried gift by gift so one bad gift fails alone.
import { randomUUID } from "node:crypto";
import type { KudosTotals, NewGift, StoredGift } from "../core/shared/model.ts";
import type { GiftView, KudosRepository, TeamKudosWeek, TimeRange } from "../core/shared/ports.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { GroupCommit } from "./group-commit.ts";
import { toMember } from "./mappers.ts";
import type { Db } from "./prisma.ts";

interface InsertedRow {
  gift_id: string;
  idempotency_key: string;
  created_at: Date;
}

function rowKey(gift: NewGift, memberId: string): string {
  return `${gift.idempotencyKey}:${memberId}`;
}

export class PrismaKudosStore implements KudosRepository {
  private readonly writer: GroupCommit<NewGift, StoredGift>;

  constructor(private readonly db: Db) {
    this.writer = new GroupCommit((gifts) => this.writeBatch(gifts));
  }

  recordGift(gift: NewGift): Promise<StoredGift> {
    return this.writer.submit(gift);
  }

  private async writeBatch(gifts: NewGift[]): Promise<PromiseSettledResult<StoredGift>[]> {
    try {
      const stored = await this.insertGifts(gifts);
      return stored.map((value) => ({ status: "fulfilled", value }));
    } catch (err) {
      if (gifts.length === 1) return [{ status: "rejected", reason: err }];
      return Promise.allSettled(gifts.map((g) => this.insertGifts([g]).then((r) => r[0] as StoredGift)));
    }
  }

  private async insertGifts(gifts: NewGift[]): Promise<StoredGift[]> {
    const giftIds = gifts.map(() => randomUUID());
    const rows = gifts.flatMap((gift, i) =>
      gift.recipients.map(
        (r, position) =>
          Prisma.sql`(${giftIds[i]}::uuid, ${gift.workspaceId}::uuid, ${r.teamId}::uuid, ${gift.giverId}::uuid,
            ${r.memberId}::uuid, ${position}, ${gift.points}, ${gift.reason}, ${gift.values}::text[],
            ${gift.source}::"KudosSource", ${gift.sourceRef}, ${rowKey(gift, r.memberId)}, ${gift.givenAt})`,
      ),
    );
    const inserted = await this.db.$queryRaw<InsertedRow[]>`
      INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, position, points, reason, "values",
                         source, source_ref, idempotency_key, created_at)
      VALUES ${Prisma.join(rows)}
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING gift_id, idempotency_key, created_at`;
    const byGift = new Map(inserted.map((row) => [row.gift_id, row]));

    return Promise.all(
      gifts.map(async (gift, i): Promise<StoredGift> => {
        const row = byGift.get(giftIds[i] as string);
        if (row) return { giftId: row.gift_id, createdAt: row.created_at, created: true };
        // A redelivery: report the gift that was stored the first time.
        const first = gift.recipients[0];
        const existing = first
          ? await this.db.kudos.findUnique({ where: { idempotencyKey: rowKey(gift, first.memberId) } })
          : null;
        if (!existing) throw new Error(`kudos for ${gift.idempotencyKey} were neither inserted nor found`);
        return { giftId: existing.giftId, createdAt: existing.createdAt, created: false };
      }),
    );
  }

  async totals(memberId: string, range: TimeRange): Promise<KudosTotals> {
    const window = { createdAt: { gte: range.start, lt: range.end }, revokedAt: null };
    const [received, given] = await Promise.all([
      this.db.kudos.aggregate({ where: { recipientId: memberId, ...window }, _sum: { points: true }, _count: true }),
      this.db.kudos.aggregate({ where: { giverId: memberId, ...window }, _sum: { points: true }, _count: true }),
    ]);
    return {
      received: { count: received._count, points: received._sum.points ?? 0 },
      given: { count: given._count, points: given._sum.points ?? 0 },
    };
  }

  async teamWeek(teamId: string, range: TimeRange, top: number): Promise<TeamKudosWeek> {
    // Peer recognition only: customer kudos are counted apart (scorecards show them separately). The week's
    // totals keep what departed members received; the top list names only people still here.
    const window = Prisma.sql`k.team_id = ${teamId}::uuid AND k.created_at >= ${range.start}
      AND k.created_at < ${range.end} AND k.revoked_at IS NULL AND k.source <> 'customer'`;
    const [summary, recipients, values] = await Promise.all([
      this.db.$queryRaw<{ count: bigint; points: bigint | null; givers: bigint }[]>`
        SELECT count(*) AS count, sum(points) AS points, count(DISTINCT giver_id) AS givers FROM kudos k WHERE ${window}`,
      this.db.$queryRaw<{ member_id: string; display_name: string; platform_user_id: string; points: bigint; count: bigint }[]>`
        SELECT k.recipient_id AS member_id, m.display_name, m.platform_user_id, sum(k.points) AS points, count(*) AS count
        FROM kudos k JOIN member m ON m.id = k.recipient_id
        WHERE ${window} AND NOT m.is_deactivated AND NOT m.is_bot
        GROUP BY k.recipient_id, m.display_name, m.platform_user_id
        ORDER BY sum(k.points) DESC, count(*) DESC, m.display_name ASC
        LIMIT ${top}`,
      this.db.$queryRaw<{ value: string; count: bigint }[]>`
        SELECT v AS value, count(*) AS count FROM kudos k, unnest(k."values") AS v
        WHERE ${window} GROUP BY v ORDER BY count(*) DESC, v ASC`,
    ]);
    const s = summary[0];
    return {
      count: Number(s?.count ?? 0),
      points: Number(s?.points ?? 0),
      givers: Number(s?.givers ?? 0),
      topRecipients: recipients.map((r) => ({
        memberId: r.member_id,
        displayName: r.display_name,
        platformUserId: r.platform_user_id,
        points: Number(r.points),
        count: Number(r.count),
      })),
      values: values.map((v) => ({ value: v.value, count: Number(v.count) })),
    };
  }

  async teamTotalsByRange(teamId: string, ranges: TimeRange[]): Promise<{ count: number; points: number }[]> {
    if (ranges.length === 0) return [];
    const rows = await this.db.$queryRaw<{ idx: bigint; count: bigint; points: bigint | null }[]>`
      SELECT w.idx, count(k.id) AS count, sum(k.points) AS points
      FROM unnest(${ranges.map((r) => r.start)}::timestamptz[], ${ranges.map((r) => r.end)}::timestamptz[])
           WITH ORDINALITY AS w(starts, ends, idx)
      LEFT JOIN kudos k ON k.team_id = ${teamId}::uuid AND k.created_at >= w.starts AND k.created_at < w.ends
                       AND k.revoked_at IS NULL
      GROUP BY w.idx ORDER BY w.idx`;
    return rows.map((r) => ({ count: Number(r.count), points: Number(r.points ?? 0) }));
  }

  async markShoutoutPosted(giftId: string, ref: string): Promise<void> {
    await this.db.kudos.updateMany({ where: { giftId }, data: { shoutoutRef: ref } });
  }

  async gift(giftId: string): Promise<GiftView | null> {
    // Revoked rows (an admin revoke, a removed reaction) are no longer part of the gift: nothing to announce.
    const rows = await this.db.kudos.findMany({
      where: { giftId, revokedAt: null },
      include: { giver: true, recipient: true },
      orderBy: { position: "asc" },
    });
    const first = rows[0];
    if (!first) return null;
    return {
      giftId,
      workspaceId: first.workspaceId,
      giver: first.giver ? toMember(first.giver) : null,
      recipients: rows.map((r) => toMember(r.recipient)),
      points: first.points,
      reason: first.reason,
      values: first.values,
      source: first.source,
      sourceRef: first.sourceRef,
      createdAt: first.createdAt,
      shoutoutRef: first.shoutoutRef,
    };
  }
}
