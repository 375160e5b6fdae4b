// Writes ingested KPI records (one multi-row upsert per batch) and customer kudos; looks up members by
// email, id and helpdesk agent id.
import { randomUUID } from "node:crypto";
import type { CustomerKudos, CustomerKudosWriter, KpiRecordWriter, MemberLookup, NewKpiRecord, UpsertCounts } from "../core/kpi/kpi-ports.ts";
import type { FollowUpsOf } from "../core/recognition/gift-follow-ups.ts";
import type { Member } from "../core/shared/model.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { toMember } from "./mappers.ts";
import { outboxEntryOf, outboxInsertFor } from "./outbox-store.ts";
import type { Db } from "./prisma.ts";

export class PrismaKpiIngestStore implements KpiRecordWriter, MemberLookup, CustomerKudosWriter {
  /** `outboxWritten` is told after a customer kudos was stored with follow-ups (the outbox relay then runs). */
  constructor(
    private readonly db: Db,
    private readonly outboxWritten: () => void = () => undefined,
  ) {}

  /** One statement per 5,000 records; more than that are written in one transaction (all or nothing). */
  async upsert(records: NewKpiRecord[]): Promise<UpsertCounts> {
    if (records.length <= UPSERT_BATCH) return upsertBatch(this.db, records);
    return this.db.$transaction(
      async (tx) => {
        const total = { inserted: 0, updated: 0, unchanged: 0 };
        for (let i = 0; i < records.length; i += UPSERT_BATCH) {
          const counts = await upsertBatch(tx, records.slice(i, i + UPSERT_BATCH));
          total.inserted += counts.inserted;
          total.updated += counts.updated;
          total.unchanged += counts.unchanged;
        }
        return total;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  }

  async byEmails(workspaceId: string, emails: string[]): Promise<Map<string, Member>> {
    // Raw SQL: Prisma's case-insensitive IN is several times slower for the thousands of emails of a CSV batch.
    const rows = await this.db.$queryRaw<(Member & { email: string })[]>`
      SELECT id, workspace_id AS "workspaceId", team_id AS "teamId", platform_user_id AS "platformUserId",
             display_name AS "displayName", handle, role::text AS role, is_bot AS "isBot", is_deactivated AS "isDeactivated",
             lower(email) AS email
      FROM member WHERE workspace_id = ${workspaceId}::uuid AND lower(email) = ANY(${emails}::text[]) AND NOT is_bot`;
    return new Map(rows.map(({ email, ...member }) => [email, member]));
  }

  async byIds(workspaceId: string, ids: string[]): Promise<Map<string, Member>> {
    const rows = await this.db.member.findMany({ where: { workspaceId, id: { in: ids }, isBot: false } });
    return new Map(rows.map((row) => [row.id, toMember(row)]));
  }

  async byHelpdeskIds(workspaceId: string, provider: string, externalIds: string[]): Promise<Map<string, Member>> {
    const rows = await this.db.helpdeskAgent.findMany({
      where: { workspaceId, provider, externalId: { in: externalIds } },
      include: { member: true },
    });
    return new Map(rows.map((row) => [row.externalId, toMember(row.member)]));
  }

  async record(kudos: CustomerKudos, followUps: FollowUpsOf): Promise<{ giftId: string; created: boolean }> {
    const teamId =
      kudos.recipient.teamId ??
      (await this.db.team.findFirstOrThrow({ where: { workspaceId: kudos.workspaceId, isDefault: true }, select: { id: true } })).id;
    const idempotencyKey = `customer:${kudos.source}:${kudos.ref}:${kudos.recipient.id}`;
    const giftId = randomUUID();
    const entries = followUps(giftId).map(outboxEntryOf);
    // One statement: the follow-ups are written only if the gift is, and together with it.
    const inserted = await this.db.$queryRaw<{ gift_id: string }[]>`
      WITH gift AS (
        INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, source, source_ref,
                           idempotency_key, created_at)
        VALUES (${giftId}::uuid, ${kudos.workspaceId}::uuid, ${teamId}::uuid, NULL, ${kudos.recipient.id}::uuid, 1,
                ${kudos.comment.slice(0, 1000)}, 'customer'::"KudosSource", NULL, ${idempotencyKey}, ${kudos.givenAt})
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING gift_id
      ), outbox AS (${outboxInsertFor("gift", entries)})
      SELECT gift_id::text AS gift_id FROM gift`;
    if (inserted[0]) {
      if (entries.length > 0) this.outboxWritten();
      return { giftId: inserted[0].gift_id, created: true };
    }
    const existing = await this.db.kudos.findUniqueOrThrow({ where: { idempotencyKey }, select: { giftId: true } });
    return { giftId: existing.giftId, created: false };
  }
}

const UPSERT_BATCH = 5000;

/** A record sent again updates its values — only when they differ, so an unchanged one is not written. */
export const UPSERT_CHANGED = `ON CONFLICT (member_id, metric, period_date, source, ref) DO UPDATE
  SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, updated_at = now()
  WHERE (kpi_record.value, kpi_record.numerator, kpi_record.denominator)
        IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator)`;

type Client = Pick<Db, "$queryRaw">;

async function upsertBatch(db: Client, records: NewKpiRecord[]): Promise<UpsertCounts> {
  // Unchanged rows are skipped by the WHERE clause, so a re-sent batch touches nothing and reports it.
  const rows = await db.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO kpi_record (member_id, metric, period_date, value, numerator, denominator, source, ref, updated_at)
    SELECT m, k, d, v, n, q, s, r, now()
    FROM unnest(${records.map((r) => r.memberId)}::uuid[], ${records.map((r) => r.metric)}::text[],
                ${records.map((r) => r.date)}::date[], ${records.map((r) => r.value)}::float8[],
                ${records.map((r) => r.numerator)}::float8[], ${records.map((r) => r.denominator)}::float8[],
                ${records.map((r) => r.source)}::text[], ${records.map((r) => r.ref)}::text[]) AS t(m, k, d, v, n, q, s, r)
    ${Prisma.raw(UPSERT_CHANGED)}
    RETURNING (xmax = 0) AS inserted`;
  const inserted = rows.filter((r) => r.inserted).length;
  const updated = rows.length - inserted;
  return { inserted, updated, unchanged: records.length - rows.length };
}
