-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('slack', 'teams');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('agent', 'lead', 'admin');

-- CreateEnum
CREATE TYPE "KudosSource" AS ENUM ('slash_command', 'modal', 'reaction', 'shortcut', 'customer');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('pending', 'posting', 'posted', 'failed');

-- CreateTable
CREATE TABLE "workspace" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "platform" "Platform" NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "channel_id" TEXT,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "digest_day" SMALLINT NOT NULL DEFAULT 1,
    "digest_minute_of_day" SMALLINT NOT NULL DEFAULT 540,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "team_id" UUID,
    "platform_user_id" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "handle" TEXT,
    "email" TEXT,
    "time_zone" TEXT,
    "role" "Role" NOT NULL DEFAULT 'agent',
    "is_bot" BOOLEAN NOT NULL DEFAULT false,
    "is_deactivated" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kudos" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "gift_id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "giver_id" UUID,
    "recipient_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL DEFAULT 0,
    "points" SMALLINT NOT NULL,
    "reason" TEXT NOT NULL,
    "values" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" "KudosSource" NOT NULL,
    "source_ref" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "shoutout_ref" TEXT,

    CONSTRAINT "kudos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi_record" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "member_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "period_date" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kpi_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "digest_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "team_id" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'weekly_digest',
    "period_key" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMPTZ(3),
    "channel_id" TEXT,
    "message_ref" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "posted_at" TIMESTAMPTZ(3),

    CONSTRAINT "digest_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "workspace_platform_external_id_key" ON "workspace"("platform", "external_id");

-- CreateIndex
CREATE INDEX "team_workspace_id_is_default_idx" ON "team"("workspace_id", "is_default");

-- CreateIndex
CREATE UNIQUE INDEX "team_workspace_id_name_key" ON "team"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "member_workspace_id_handle_idx" ON "member"("workspace_id", "handle");

-- CreateIndex
CREATE INDEX "member_team_id_idx" ON "member"("team_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_workspace_id_platform_user_id_key" ON "member"("workspace_id", "platform_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "kudos_idempotency_key_key" ON "kudos"("idempotency_key");

-- CreateIndex
CREATE INDEX "kudos_recipient_id_created_at_idx" ON "kudos"("recipient_id", "created_at");

-- CreateIndex
CREATE INDEX "kudos_giver_id_created_at_idx" ON "kudos"("giver_id", "created_at");

-- CreateIndex
CREATE INDEX "kudos_team_id_created_at_idx" ON "kudos"("team_id", "created_at");

-- CreateIndex
CREATE INDEX "kudos_gift_id_idx" ON "kudos"("gift_id");

-- CreateIndex
CREATE INDEX "kpi_record_metric_period_date_idx" ON "kpi_record"("metric", "period_date");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_record_member_id_metric_period_date_source_key" ON "kpi_record"("member_id", "metric", "period_date", "source");

-- CreateIndex
CREATE UNIQUE INDEX "digest_run_team_id_kind_period_key_key" ON "digest_run"("team_id", "kind", "period_key");

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_giver_id_fkey" FOREIGN KEY ("giver_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "kpi_record" ADD CONSTRAINT "kpi_record_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_run" ADD CONSTRAINT "digest_run_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
