-- CreateTable
CREATE TABLE "teams_conversation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "conversation_type" TEXT,
    "service_url" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "teams_conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "teams_post_marker" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "conversation_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "team_id" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "activity_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "teams_post_marker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "teams_conversation_workspace_id_conversation_id_key" ON "teams_conversation"("workspace_id", "conversation_id");

-- CreateIndex
CREATE UNIQUE INDEX "teams_post_marker_conversation_id_event_type_team_id_period_key" ON "teams_post_marker"("conversation_id", "event_type", "team_id", "period_key");

-- AddForeignKey
ALTER TABLE "teams_conversation" ADD CONSTRAINT "teams_conversation_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "teams_post_marker" ADD CONSTRAINT "teams_post_marker_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "teams_conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
