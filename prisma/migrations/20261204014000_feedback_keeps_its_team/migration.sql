-- Feedback requests and answers keep the team their subject was in when they were made, as kudos and KPI
-- records do: moving a member later leaves their feedback history where it happened.
ALTER TABLE "feedback_request" ADD COLUMN "team_id" UUID;
ALTER TABLE "feedback_answer" ADD COLUMN "team_id" UUID;
ALTER TABLE "feedback_pending_answer" ADD COLUMN "team_id" UUID;

ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback_answer" ADD CONSTRAINT "feedback_answer_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "feedback_pending_answer" ADD CONSTRAINT "feedback_pending_answer_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE INDEX "feedback_request_team_id_created_at_idx" ON "feedback_request"("team_id", "created_at");
CREATE INDEX "feedback_answer_team_id_period_key_idx" ON "feedback_answer"("team_id", "period_key");

-- What exists belongs to its subject's team as it is now (the best record of where it happened).
UPDATE "feedback_request" f SET "team_id" = m."team_id" FROM "member" m WHERE m."id" = f."subject_id";
UPDATE "feedback_answer" f SET "team_id" = m."team_id" FROM "member" m WHERE m."id" = f."subject_id";
UPDATE "feedback_pending_answer" f SET "team_id" = m."team_id" FROM "member" m WHERE m."id" = f."subject_id";

-- Stored with the subject's team at that moment unless the writer names it (a release copies the team an
-- anonymous answer was given in, not the one its subject is in when the batch comes out).
CREATE FUNCTION spur_feedback_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.team_id IS NULL THEN
    SELECT m.team_id INTO NEW.team_id FROM member m WHERE m.id = NEW.subject_id;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER feedback_request_team BEFORE INSERT ON "feedback_request" FOR EACH ROW EXECUTE FUNCTION spur_feedback_team();
CREATE TRIGGER feedback_answer_team BEFORE INSERT ON "feedback_answer" FOR EACH ROW EXECUTE FUNCTION spur_feedback_team();
CREATE TRIGGER feedback_pending_answer_team BEFORE INSERT ON "feedback_pending_answer" FOR EACH ROW EXECUTE FUNCTION spur_feedback_team();
