-- CreateEnum
CREATE TYPE "AllowancePeriod" AS ENUM ('day', 'week');

-- CreateEnum
CREATE TYPE "LeaderboardVisibility" AS ENUM ('everyone', 'leads');

-- CreateTable
CREATE TABLE "recognition_settings" (
    "workspace_id" UUID NOT NULL,
    "allowance_points" INTEGER NOT NULL DEFAULT 5,
    "allowance_period" "AllowancePeriod" NOT NULL DEFAULT 'day',
    "max_points_per_gift" INTEGER NOT NULL DEFAULT 5,
    "cooldown_minutes" INTEGER NOT NULL DEFAULT 0,
    "emoji_points" JSONB NOT NULL DEFAULT '{"star": 1}',
    "company_values" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "value_required" BOOLEAN NOT NULL DEFAULT false,
    "recognition_channel_id" TEXT,
    "leaderboard_visibility" "LeaderboardVisibility" NOT NULL DEFAULT 'everyone',
    "notify_lead" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recognition_settings_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "actor_user_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "workspace_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("workspace_id","event_id")
);

-- CreateIndex
CREATE INDEX "audit_log_workspace_id_created_at_idx" ON "audit_log"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "processed_event_created_at_idx" ON "processed_event"("created_at");

-- AddForeignKey
ALTER TABLE "recognition_settings" ADD CONSTRAINT "recognition_settings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "processed_event" ADD CONSTRAINT "processed_event_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
