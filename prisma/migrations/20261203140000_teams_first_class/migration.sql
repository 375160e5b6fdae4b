-- Teams as first-class: archiving, leads of several teams, and KPI records that keep the team they belonged to.

-- AlterTable
ALTER TABLE "team" ADD COLUMN "archived_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "kpi_record" ADD COLUMN "team_id" UUID;

-- CreateTable
CREATE TABLE "team_lead" (
    "team_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_lead_pkey" PRIMARY KEY ("team_id","member_id")
);

-- CreateIndex
CREATE INDEX "team_lead_member_id_idx" ON "team_lead"("member_id");

-- CreateIndex
CREATE INDEX "kpi_record_team_id_period_date_idx" ON "kpi_record"("team_id", "period_date");

-- AddForeignKey
ALTER TABLE "kpi_record" ADD CONSTRAINT "kpi_record_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_lead" ADD CONSTRAINT "team_lead_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_lead" ADD CONSTRAINT "team_lead_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing leads lead the team they are in.
INSERT INTO "team_lead" ("team_id", "member_id")
SELECT "team_id", "id" FROM "member" WHERE "role" = 'lead' AND "team_id" IS NOT NULL;

-- Existing KPI records belong to their member's team as it is now (the best record of where they happened).
UPDATE "kpi_record" k SET "team_id" = m."team_id" FROM "member" m WHERE m."id" = k."member_id";

-- A KPI record is stored with its member's team at that moment, whichever way it is written (API, CSV,
-- helpdesk webhooks): moving the member later leaves it where it happened.
CREATE FUNCTION spur_kpi_record_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.team_id IS NULL THEN
    SELECT m.team_id INTO NEW.team_id FROM member m WHERE m.id = NEW.member_id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER kpi_record_team BEFORE INSERT ON "kpi_record"
  FOR EACH ROW EXECUTE FUNCTION spur_kpi_record_team();
