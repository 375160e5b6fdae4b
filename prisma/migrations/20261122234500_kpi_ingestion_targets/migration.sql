-- DropIndex
DROP INDEX "kpi_record_member_id_metric_period_date_source_key";

-- AlterTable
ALTER TABLE "kpi_record" ADD COLUMN     "ref" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "helpdesk_integration" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "helpdesk_integration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "helpdesk_agent" (
    "workspace_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "member_id" UUID NOT NULL,

    CONSTRAINT "helpdesk_agent_pkey" PRIMARY KEY ("workspace_id","provider","external_id")
);

-- CreateTable
CREATE TABLE "kpi_target" (
    "team_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "period" TEXT NOT NULL DEFAULT 'month',
    "min_volume" INTEGER,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kpi_target_pkey" PRIMARY KEY ("team_id","metric")
);

-- CreateTable
CREATE TABLE "kpi_settings" (
    "workspace_id" UUID NOT NULL,
    "customer_shoutouts" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "kpi_settings_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_workspace_id_idx" ON "api_token"("workspace_id");

-- CreateIndex
CREATE UNIQUE INDEX "helpdesk_integration_workspace_id_provider_key" ON "helpdesk_integration"("workspace_id", "provider");

-- CreateIndex
CREATE INDEX "kpi_record_member_id_period_date_idx" ON "kpi_record"("member_id", "period_date");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_record_member_id_metric_period_date_source_ref_key" ON "kpi_record"("member_id", "metric", "period_date", "source", "ref");

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "helpdesk_integration" ADD CONSTRAINT "helpdesk_integration_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "helpdesk_agent" ADD CONSTRAINT "helpdesk_agent_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_target" ADD CONSTRAINT "kpi_target_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_settings" ADD CONSTRAINT "kpi_settings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

