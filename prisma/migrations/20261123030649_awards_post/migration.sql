-- AlterTable
ALTER TABLE "team" ADD COLUMN     "awards_post" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "monthly_team_scores" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "month_key" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "monthly_team_scores_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "monthly_team_scores_workspace_id_month_key_key" ON "monthly_team_scores"("workspace_id", "month_key");

-- AddForeignKey
ALTER TABLE "monthly_team_scores" ADD CONSTRAINT "monthly_team_scores_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
