-- Channels mapped to teams (`spur team <name> here`): commands typed in one act on its team.

-- CreateTable
CREATE TABLE "team_channel" (
    "workspace_id" UUID NOT NULL,
    "channel_id" TEXT NOT NULL,
    "group_id" TEXT,
    "team_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_channel_pkey" PRIMARY KEY ("workspace_id","channel_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "team_channel_team_id_key" ON "team_channel"("team_id");

-- AddForeignKey
ALTER TABLE "team_channel" ADD CONSTRAINT "team_channel_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_channel" ADD CONSTRAINT "team_channel_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
