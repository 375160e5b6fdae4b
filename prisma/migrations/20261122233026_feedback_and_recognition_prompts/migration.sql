-- CreateEnum
CREATE TYPE "FeedbackVisibility" AS ENUM ('named', 'anonymous');

-- CreateEnum
CREATE TYPE "FeedbackRequestStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "FeedbackRecipientStatus" AS ENUM ('asked', 'answered', 'skipped');

-- CreateEnum
CREATE TYPE "RecognitionPromptStatus" AS ENUM ('sent', 'dismissed');

-- CreateTable
CREATE TABLE "feedback_settings" (
    "workspace_id" UUID NOT NULL,
    "anonymity_threshold" SMALLINT NOT NULL DEFAULT 3,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_settings_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateTable
CREATE TABLE "feedback_dimension" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" SMALLINT NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_dimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "lead_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "FeedbackRequestStatus" NOT NULL DEFAULT 'open',
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "summary_lease_until" TIMESTAMPTZ(3),
    "summary_ref" TEXT,

    CONSTRAINT "feedback_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_recipient" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "request_id" UUID NOT NULL,
    "peer_id" UUID NOT NULL,
    "status" "FeedbackRecipientStatus" NOT NULL DEFAULT 'asked',
    "dm_ref" TEXT,
    "reminded_at" TIMESTAMPTZ(3),

    CONSTRAINT "feedback_recipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_answer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "visibility" "FeedbackVisibility" NOT NULL,
    "giver_id" UUID,
    "giver_key" TEXT NOT NULL,
    "keep_doing" TEXT,
    "improve" TEXT,
    "answered_on" DATE NOT NULL,

    CONSTRAINT "feedback_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_rating" (
    "answer_id" UUID NOT NULL,
    "dimension_id" UUID NOT NULL,
    "score" SMALLINT NOT NULL,

    CONSTRAINT "feedback_rating_pkey" PRIMARY KEY ("answer_id","dimension_id")
);

-- CreateTable
CREATE TABLE "recognition_prompt_schedule" (
    "team_id" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "day" SMALLINT NOT NULL DEFAULT 5,
    "minute_of_day" SMALLINT NOT NULL DEFAULT 900,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recognition_prompt_schedule_pkey" PRIMARY KEY ("team_id")
);

-- CreateTable
CREATE TABLE "recognition_prompt_opt_out" (
    "member_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognition_prompt_opt_out_pkey" PRIMARY KEY ("member_id")
);

-- CreateTable
CREATE TABLE "recognition_prompt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "member_id" UUID NOT NULL,
    "team_id" UUID NOT NULL,
    "week_key" TEXT NOT NULL,
    "status" "RecognitionPromptStatus" NOT NULL DEFAULT 'sent',
    "dm_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recognition_prompt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "feedback_dimension_workspace_id_key_key" ON "feedback_dimension"("workspace_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_request_idempotency_key_key" ON "feedback_request"("idempotency_key");

-- CreateIndex
CREATE INDEX "feedback_request_subject_id_period_key_idx" ON "feedback_request"("subject_id", "period_key");

-- CreateIndex
CREATE INDEX "feedback_recipient_peer_id_idx" ON "feedback_recipient"("peer_id");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_recipient_request_id_peer_id_key" ON "feedback_recipient"("request_id", "peer_id");

-- CreateIndex
CREATE INDEX "feedback_answer_giver_id_idx" ON "feedback_answer"("giver_id");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_answer_subject_id_period_key_giver_key_key" ON "feedback_answer"("subject_id", "period_key", "giver_key");

-- CreateIndex
CREATE UNIQUE INDEX "recognition_prompt_member_id_week_key_key" ON "recognition_prompt"("member_id", "week_key");

-- AddForeignKey
ALTER TABLE "feedback_settings" ADD CONSTRAINT "feedback_settings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_dimension" ADD CONSTRAINT "feedback_dimension_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_request" ADD CONSTRAINT "feedback_request_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_recipient" ADD CONSTRAINT "feedback_recipient_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "feedback_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_recipient" ADD CONSTRAINT "feedback_recipient_peer_id_fkey" FOREIGN KEY ("peer_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_answer" ADD CONSTRAINT "feedback_answer_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_answer" ADD CONSTRAINT "feedback_answer_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_answer" ADD CONSTRAINT "feedback_answer_giver_id_fkey" FOREIGN KEY ("giver_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_rating" ADD CONSTRAINT "feedback_rating_answer_id_fkey" FOREIGN KEY ("answer_id") REFERENCES "feedback_answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_rating" ADD CONSTRAINT "feedback_rating_dimension_id_fkey" FOREIGN KEY ("dimension_id") REFERENCES "feedback_dimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_prompt_schedule" ADD CONSTRAINT "recognition_prompt_schedule_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_prompt_opt_out" ADD CONSTRAINT "recognition_prompt_opt_out_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_prompt" ADD CONSTRAINT "recognition_prompt_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recognition_prompt" ADD CONSTRAINT "recognition_prompt_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules the domain relies on, enforced by the database too. They are triggers rather than CHECK
-- constraints: Prisma's JavaScript schema engine (used by migrate dev / db push here) crashes while
-- introspecting CHECK constraints, and ignores triggers. Each raises check_violation (23514) naming the rule.
CREATE FUNCTION feedback_settings_threshold_min() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.anonymity_threshold < 3 THEN
    RAISE EXCEPTION 'feedback_settings_threshold_min: the anonymity threshold is at least 3' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER feedback_settings_threshold_min BEFORE INSERT OR UPDATE ON "feedback_settings" FOR EACH ROW EXECUTE FUNCTION feedback_settings_threshold_min();
CREATE FUNCTION feedback_rating_score_range() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.score < 1 OR NEW.score > 5 THEN
    RAISE EXCEPTION 'feedback_rating_score_range: scores are 1 to 5' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER feedback_rating_score_range BEFORE INSERT OR UPDATE ON "feedback_rating" FOR EACH ROW EXECUTE FUNCTION feedback_rating_score_range();
-- An anonymous answer never names its giver (a named one loses its giver only when that member is deleted).
CREATE FUNCTION feedback_answer_anonymous_has_no_giver() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.visibility = 'anonymous' AND NEW.giver_id IS NOT NULL THEN
    RAISE EXCEPTION 'feedback_answer_anonymous_has_no_giver: anonymous answers store no giver' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER feedback_answer_anonymous_has_no_giver BEFORE INSERT OR UPDATE ON "feedback_answer" FOR EACH ROW EXECUTE FUNCTION feedback_answer_anonymous_has_no_giver();
CREATE FUNCTION recognition_prompt_schedule_day_range() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.day < 1 OR NEW.day > 7 THEN
    RAISE EXCEPTION 'recognition_prompt_schedule_day_range: day is an ISO weekday 1 to 7' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER recognition_prompt_schedule_day_range BEFORE INSERT OR UPDATE ON "recognition_prompt_schedule" FOR EACH ROW EXECUTE FUNCTION recognition_prompt_schedule_day_range();
