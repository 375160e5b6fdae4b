-- AlterTable
ALTER TABLE "workspace" ADD COLUMN     "deactivated_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "slack_installation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "install_key" TEXT NOT NULL,
    "team_id" TEXT,
    "team_name" TEXT,
    "enterprise_id" TEXT,
    "enterprise_name" TEXT,
    "enterprise_url" TEXT,
    "is_enterprise_install" BOOLEAN NOT NULL DEFAULT false,
    "app_id" TEXT,
    "bot_token_encrypted" TEXT NOT NULL,
    "bot_id" TEXT,
    "bot_user_id" TEXT NOT NULL,
    "bot_scopes" TEXT[],
    "installer_user_id" TEXT NOT NULL,
    "installed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "slack_installation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "slack_installation_install_key_key" ON "slack_installation"("install_key");

-- CreateIndex
CREATE INDEX "slack_installation_team_id_idx" ON "slack_installation"("team_id");
