// The audit log's reads (writes happen in each change's own transaction: audited.ts).
import type { AuditLogReads, AuditQuery, StoredAuditEntry } from "../core/admin/audit-log-ports.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./prisma.ts";

interface Row {
  actor_user_id: string;
  action: string;
  target: string | null;
  details: unknown;
  reason: string | null;
  created_at: Date;
}

export class PrismaAuditLogStore implements AuditLogReads {
  constructor(private readonly db: Db) {}

  async page(workspaceId: string, query: AuditQuery): Promise<{ entries: StoredAuditEntry[]; total: number }> {
    const conditions = [Prisma.sql`workspace_id = ${workspaceId}::uuid`];
    if (query.range) conditions.push(Prisma.sql`created_at >= ${query.range.start} AND created_at < ${query.range.end}`);
    const who = query.memberUserId;
    if (who !== null) {
      // A chat user id appears in the details as a JSON string of its own (a revoked gift's recipients).
      conditions.push(Prisma.sql`(actor_user_id = ${who} OR target = ${who} OR strpos(details::text, ${JSON.stringify(who)}) > 0)`);
    }
    const where = Prisma.join(conditions, " AND ");
    const [rows, counted] = await Promise.all([
      this.db.$queryRaw<Row[]>`
        SELECT actor_user_id, action, target, details, reason, created_at FROM audit_log WHERE ${where}
        ORDER BY created_at DESC, id DESC LIMIT ${query.limit} OFFSET ${query.offset}`,
      this.db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM audit_log WHERE ${where}`,
    ]);
    return {
      total: counted[0]?.total ?? 0,
      entries: rows.map((r) => ({
        workspaceId,
        actorUserId: r.actor_user_id,
        action: r.action,
        target: r.target,
        details: r.details && typeof r.details === "object" && !Array.isArray(r.details) ? (r.details as Record<string, unknown>) : {},
        reason: r.reason,
        createdAt: r.created_at,
      })),
    };
  }
}
