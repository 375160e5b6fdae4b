// API tokens for KPI ingestion. Tokens are 256 random bits, so a plain SHA-256 is a safe stored form.
import { createHash, randomBytes } from "node:crypto";
import type { ApiTokenRepository } from "../core/kpi/kpi-ports.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import { audited } from "./audited.ts";
import type { Db } from "./prisma.ts";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export class PrismaApiTokenStore implements ApiTokenRepository {
  constructor(private readonly db: Db) {}

  async create(workspaceId: string, name: string, createdById: string | null, audit?: AuditEntry) {
    const token = `spur_${randomBytes(32).toString("base64url")}`;
    const prefix = token.slice(0, 10);
    await audited(
      this.db,
      (tx) => tx.apiToken.create({ data: { workspaceId, name, prefix, tokenHash: hashToken(token), createdById } }),
      audit && { ...audit, target: prefix },
    );
    return { token, prefix };
  }

  async list(workspaceId: string) {
    return this.db.apiToken.findMany({
      where: { workspaceId, revokedAt: null },
      select: { name: true, prefix: true, createdAt: true, lastUsedAt: true },
      orderBy: { createdAt: "asc" },
    });
  }

  async revoke(workspaceId: string, prefix: string, now: Date, audit: AuditEntry): Promise<number> {
    const { count } = await audited(
      this.db,
      (tx) => tx.apiToken.updateMany({ where: { workspaceId, prefix, revokedAt: null }, data: { revokedAt: now } }),
      (r) => (r.count > 0 ? [{ ...audit, target: prefix }] : []),
    );
    return count;
  }

  async verify(token: string): Promise<string | null> {
    const row = await this.db.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!row || row.revokedAt) return null;
    // Best effort: a lost update of last_used_at does not matter.
    void this.db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
    return row.workspaceId;
  }
}
