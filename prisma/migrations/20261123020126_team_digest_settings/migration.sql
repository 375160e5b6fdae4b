-- CreateTable
CREATE TABLE "team_digest_settings" (
    "team_id" UUID NOT NULL,
    "name_all_movers" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "team_digest_settings_pkey" PRIMARY KEY ("team_id")
);

-- AddForeignKey
ALTER TABLE "team_digest_settings" ADD CONSTRAINT "team_digest_settings_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
