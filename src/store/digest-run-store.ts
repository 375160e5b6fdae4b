import type { ClaimedRun, DigestRunRepository, RunKey, RunSummary } from "../core/ports.ts";
import type { Db } from "./prisma.ts";

export class PrismaDigestRunStore implements DigestRunRepository {
  constructor(private readonly db: Db) {}

  async claim(key: RunKey, leaseMs: number, now: Date): Promise<ClaimedRun | null> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    // One statement: insert the claim, or take over a pending/failed run or one whose lease expired.
    const rows = await this.db.$queryRaw<{ id: string; attempts: number }[]>`
      INSERT INTO digest_run (team_id, kind, period_key, status, attempts, lease_until)
      VALUES (${key.teamId}::uuid, ${key.kind}, ${key.periodKey}, 'posting', 1, ${leaseUntil})
      ON CONFLICT (team_id, kind, period_key) DO UPDATE
        SET status = 'posting', attempts = digest_run.attempts + 1, lease_until = EXCLUDED.lease_until, error = NULL
        WHERE digest_run.status IN ('pending', 'failed')
           OR (digest_run.status = 'posting' AND digest_run.lease_until < ${now})
      RETURNING id, attempts`;
    const row = rows[0];
    return row ? { id: row.id, attempt: row.attempts } : null;
  }

  async markPosted(runId: string, channelId: string, messageRef: string, now: Date): Promise<void> {
    await this.db.digestRun.update({
      where: { id: runId },
      data: { status: "posted", channelId, messageRef, postedAt: now, leaseUntil: null, error: null },
    });
  }

  async markFailed(runId: string, reason: string): Promise<void> {
    await this.db.digestRun.update({ where: { id: runId }, data: { status: "failed", error: reason, leaseUntil: null } });
  }

  async recent(teamId: string, limit: number): Promise<RunSummary[]> {
    const rows = await this.db.digestRun.findMany({ where: { teamId }, orderBy: { createdAt: "desc" }, take: limit });
    return rows.map((r) => ({ kind: r.kind, periodKey: r.periodKey, status: r.status, attempts: r.attempts, postedAt: r.postedAt, error: r.error }));
  }

  async release(runId: string): Promise<void> {
    await this.db.digestRun.update({ where: { id: runId }, data: { status: "pending", leaseUntil: null } });
  }
}
