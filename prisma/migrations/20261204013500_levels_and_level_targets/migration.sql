-- Positions and levels: a ladder of levels per workspace, each member on at most one, and per-level overrides
-- of a team's KPI targets and weights.

-- CreateTable
CREATE TABLE "level" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "level_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "level_target" (
    "level_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "level_target_pkey" PRIMARY KEY ("level_id","metric")
);

-- AlterTable
ALTER TABLE "member" ADD COLUMN "level_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "level_workspace_id_name_key_key" ON "level"("workspace_id", "name_key");

-- CreateIndex
CREATE INDEX "level_workspace_id_position_idx" ON "level"("workspace_id", "position");

-- AddForeignKey
ALTER TABLE "level" ADD CONSTRAINT "level_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "level_target" ADD CONSTRAINT "level_target_level_id_fkey" FOREIGN KEY ("level_id") REFERENCES "level"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_level_id_fkey" FOREIGN KEY ("level_id") REFERENCES "level"("id") ON DELETE SET NULL ON UPDATE CASCADE;
