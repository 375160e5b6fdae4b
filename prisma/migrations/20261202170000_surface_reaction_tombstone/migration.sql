-- A reaction removal Slack delivered before (or without) the reaction it removes: the late reaction_added,
-- dated before the removal, must not give kudos. Kept a week (Slack retries an event for a few hours).
CREATE TABLE "reaction_tombstone" (
    "workspace_id" UUID NOT NULL,
    "reaction_key" TEXT NOT NULL,
    "removed_event_ts" DECIMAL(20,6) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reaction_tombstone_pkey" PRIMARY KEY ("workspace_id","reaction_key")
);

CREATE INDEX "reaction_tombstone_created_at_idx" ON "reaction_tombstone"("created_at");

ALTER TABLE "reaction_tombstone" ADD CONSTRAINT "reaction_tombstone_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
