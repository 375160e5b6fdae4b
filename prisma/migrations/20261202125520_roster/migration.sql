-- AlterTable
ALTER TABLE "member" ADD COLUMN     "provisional" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "roster_sync" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "claim_token" UUID NOT NULL DEFAULT gen_random_uuid(),
    "lease_until" TIMESTAMPTZ(3) NOT NULL,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "members" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "roster_sync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "roster_sync_workspace_id_day_key" ON "roster_sync"("workspace_id", "day");

-- AddForeignKey
ALTER TABLE "roster_sync" ADD CONSTRAINT "roster_sync_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
