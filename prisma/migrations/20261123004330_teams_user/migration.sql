-- CreateTable
CREATE TABLE "teams_user" (
    "workspace_id" UUID NOT NULL,
    "platform_user_id" TEXT NOT NULL,
    "aad_object_id" TEXT,
    "user_principal_name" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "teams_user_pkey" PRIMARY KEY ("workspace_id","platform_user_id")
);

-- CreateIndex
CREATE INDEX "teams_user_aad_object_id_idx" ON "teams_user"("aad_object_id");

-- AddForeignKey
ALTER TABLE "teams_user" ADD CONSTRAINT "teams_user_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
