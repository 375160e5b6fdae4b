// Roster sync claims: one row per workspace and UTC day. The unique key decides which process syncs; a crashed
// sync's lease runs out and another process takes the day over.
import type { RosterSyncRun, RosterSyncRuns } from "../core/shared/roster.ts";
import type { Db } from "./prisma.ts";

export class PrismaRosterSyncStore implements RosterSyncRuns {
  constructor(private readonly db: Db) {}

  async claim(workspaceId: string, day: string, leaseMs: number, now: Date): Promise<RosterSyncRun | null> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const rows = await this.db.$queryRaw<{ token: string }[]>`
      INSERT INTO roster_sync (workspace_id, day, status, lease_until)
      VALUES (${workspaceId}::uuid, ${day}, 'running', ${leaseUntil})
      ON CONFLICT (workspace_id, day) DO UPDATE SET lease_until = EXCLUDED.lease_until, claim_token = gen_random_uuid()
        WHERE roster_sync.status = 'running' AND roster_sync.lease_until < ${now}
      RETURNING claim_token::text AS token`;
    const row = rows[0];
    return row ? { id: row.token } : null;
  }

  async progress(runId: string, members: number, leaseUntil: Date): Promise<boolean> {
    const count = await this.db.$executeRaw`
      UPDATE roster_sync SET pages = pages + 1, members = members + ${members}, lease_until = ${leaseUntil}
      WHERE claim_token = ${runId}::uuid AND status = 'running'`;
    return count === 1;
  }

  async finish(runId: string, now: Date): Promise<void> {
    await this.db.rosterSync.updateMany({ where: { claimToken: runId, status: "running" }, data: { status: "done", finishedAt: now } });
  }

  /** The workspaces whose rosters are synced each day: every one Spur is installed in. */
  async targets(): Promise<{ platform: "slack" | "teams"; externalId: string }[]> {
    return this.db.workspace.findMany({ where: { deactivatedAt: null }, select: { platform: true, externalId: true }, orderBy: { createdAt: "asc" } });
  }
}
