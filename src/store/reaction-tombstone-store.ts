// Reaction removals remembered per reaction, so a reaction_added delivered after its removal gives nothing.
// Event timestamps are compared as numbers ("1763800000.000100", microseconds), never as JS dates.
import type { ReactionTombstones } from "../core/recognition/recognition-ports.ts";
import type { Db } from "./prisma.ts";

/** Slack retries an event for a few hours; a week is ample. */
const RETENTION_MS = 7 * 24 * 3_600_000;
const PRUNE_EVERY = 500;

const EVENT_TS = /^\d{1,14}(\.\d{1,6})?$/;

function eventTs(ts: string): string {
  if (!EVENT_TS.test(ts)) throw new Error("not an event timestamp");
  return ts;
}

export class PrismaReactionTombstones implements ReactionTombstones {
  private sincePrune = 0;

  constructor(private readonly db: Db) {}

  async remember(workspaceId: string, reactionKey: string, removedAt: string): Promise<void> {
    const ts = eventTs(removedAt);
    await this.db.$executeRaw`
      INSERT INTO reaction_tombstone (workspace_id, reaction_key, removed_event_ts)
      VALUES (${workspaceId}::uuid, ${reactionKey}, ${ts}::numeric)
      ON CONFLICT (workspace_id, reaction_key)
      DO UPDATE SET removed_event_ts = GREATEST(reaction_tombstone.removed_event_ts, EXCLUDED.removed_event_ts), created_at = now()`;
    if (++this.sincePrune >= PRUNE_EVERY) {
      this.sincePrune = 0;
      await this.db.reactionTombstone.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - RETENTION_MS) } } });
    }
  }

  async removedAfter(workspaceId: string, reactionKey: string, addedAt: string): Promise<boolean> {
    const ts = eventTs(addedAt);
    const rows = await this.db.$queryRaw<{ found: number }[]>`
      SELECT 1 AS found FROM reaction_tombstone
      WHERE workspace_id = ${workspaceId}::uuid AND reaction_key = ${reactionKey} AND removed_event_ts > ${ts}::numeric`;
    return rows.length > 0;
  }
}
