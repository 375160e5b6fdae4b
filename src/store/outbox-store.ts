// The transactional outbox: follow-ups are written by the store that writes what they follow, in its
// transaction (outboxInsertFor; the kudos ledger's batch writes its own); the relay (src/jobs/outbox-relay.ts) claims due rows, queues them
// and deletes them. Every method here is one statement, so none holds a transaction open across a Redis call.
import type { GiftFollowUp } from "../core/recognition/gift-follow-ups.ts";
import type { ClaimedOutboxMessage, OutboxStore } from "../core/outbound/outbox-ports.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { type Db, sqlOf } from "./prisma.ts";
import type { Sql } from "./sql.ts";

export interface OutboxEntry {
  topic: string;
  payload: Record<string, unknown>;
}

/** A follow-up as an outbox row: its topic, and the rest as the payload. */
export function outboxEntryOf(followUp: GiftFollowUp): OutboxEntry {
  const { topic, ...payload } = followUp;
  return { topic, payload };
}

/** `SELECT topic, payload FROM (the entries)`, for an INSERT INTO outbox_message … statement. */
function entriesSql(entries: OutboxEntry[], from: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const topics = entries.map((e) => e.topic);
  const payloads = entries.map((e) => JSON.stringify(e.payload));
  return Prisma.sql`SELECT f.topic, f.payload::jsonb FROM ${from} unnest(${topics}::text[], ${payloads}::text[]) AS f(topic, payload)`;
}

/**
 * The entries as a data-modifying CTE's INSERT that writes them once for each row of `cte` (a preceding CTE
 * of the same statement): `WITH gift AS (INSERT … RETURNING …), outbox AS (${outboxInsertFor("gift", …)})`
 * writes the follow-ups only when the gift was inserted, atomically, in one statement.
 */
export function outboxInsertFor(cte: string, entries: OutboxEntry[]): Prisma.Sql {
  return Prisma.sql`INSERT INTO outbox_message (topic, payload) ${entriesSql(entries, Prisma.raw(`${cte},`))} RETURNING id`;
}

export class PrismaOutbox implements OutboxStore {
  private readonly sql: Sql;

  constructor(private readonly db: Db) {
    this.sql = sqlOf(db);
  }

  // claim and delivered run after every group commit: plain SQL (see sql.ts).
  async claim(limit: number, leaseMs: number): Promise<ClaimedOutboxMessage[]> {
    // SKIP LOCKED: relays in other processes take other rows instead of waiting for these.
    const rows = await this.sql.query<{ id: string; topic: string; payload: unknown; attempts: number }>(
      `UPDATE outbox_message SET available_at = now() + make_interval(secs => $1), attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox_message WHERE available_at <= now() ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id, topic, payload, attempts`,
      [leaseMs / 1000, limit],
    );
    return rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  async delivered(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.sql.query("DELETE FROM outbox_message WHERE id = ANY($1::bigint[])", [ids]);
  }

  async failed(id: string, error: string, retryInMs: number | null): Promise<void> {
    // No retry (a topic or payload this version cannot read) parks the row for an operator to look at.
    const available = retryInMs === null ? Prisma.sql`'infinity'::timestamptz` : Prisma.sql`now() + make_interval(secs => ${retryInMs / 1000})`;
    await this.db.$executeRaw`
      UPDATE outbox_message SET available_at = ${available}, last_error = ${error.slice(0, 2000)} WHERE id = ${id}::bigint`;
  }

  async backlog(): Promise<number> {
    const rows = await this.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM outbox_message`;
    return Number(rows[0]?.count ?? 0);
  }
}
