import type { ClaimedRun, DigestRunRepository, RunGroup, RunKey, RunSummary } from "../core/shared/ports.ts";
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

  async recentByKind(teamId: string, kinds: readonly string[], perKind: number): Promise<RunSummary[]> {
    const rows = await this.db.$queryRaw<
      { kind: string; period_key: string; status: RunSummary["status"]; attempts: number; posted_at: Date | null; error: string | null }[]
    >`
      SELECT kind, period_key, status, attempts, posted_at, error
      FROM (
        SELECT r.*, row_number() OVER (PARTITION BY kind ORDER BY created_at DESC, period_key DESC) AS n
        FROM digest_run r WHERE team_id = ${teamId}::uuid AND kind = ANY(${[...kinds]}::text[])
      ) ranked
      WHERE n <= ${perKind}
      ORDER BY kind, n`;
    return rows.map((r) => ({ kind: r.kind, periodKey: r.period_key, status: r.status, attempts: r.attempts, postedAt: r.posted_at, error: r.error }));
  }

  async runsPerPeriod(teamId: string, kind: string, separator: string, limit: number): Promise<RunGroup[]> {
    const rows = await this.db.$queryRaw<{ period: string; posted: number; failed: number; in_progress: number; errors: string[] }[]>`
      SELECT split_part(period_key, ${separator}, 1) AS period,
             count(*) FILTER (WHERE status = 'posted')::int AS posted,
             count(*) FILTER (WHERE status = 'failed')::int AS failed,
             count(*) FILTER (WHERE status IN ('pending', 'posting'))::int AS in_progress,
             coalesce(array_agg(DISTINCT error ORDER BY error) FILTER (WHERE status = 'failed' AND error IS NOT NULL), '{}') AS errors
      FROM digest_run
      WHERE team_id = ${teamId}::uuid AND kind = ${kind}
      GROUP BY 1
      ORDER BY 1 DESC
      LIMIT ${limit}`;
    return rows.map((r) => ({ periodKey: r.period, posted: r.posted, failed: r.failed, inProgress: r.in_progress, errors: r.errors }));
  }

  async release(runId: string): Promise<void> {
    await this.db.digestRun.update({ where: { id: runId }, data: { status: "pending", leaseUntil: null } });
  }
}
