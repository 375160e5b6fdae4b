-- CreateTable
CREATE TABLE "kpi_settings" (
    "workspace_id" UUID NOT NULL,
    "customer_shoutouts" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "kpi_settings_pkey" PRIMARY KEY ("workspace_id")
);

-- AddForeignKey
ALTER TABLE "kpi_settings" ADD CONSTRAINT "kpi_settings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

