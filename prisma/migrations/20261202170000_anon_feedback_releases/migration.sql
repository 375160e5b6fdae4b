-- Anonymous feedback that cannot be differenced or traced (issue 14).
-- * feedback_giver_mark: one answer per person, subject and period, enforced by a keyed hash kept apart from
--   the answers (no column joins them). The hash covers the member's feedback_salt: erasing a member replaces
--   the salt, so nobody can recompute which marks were theirs, and no answer row changes.
-- * feedback_pending_answer: an anonymous answer waits here, unread by any report, until a release moves a
--   batch of at least the threshold into feedback_answer in one transaction (one xmin for the whole batch).
-- * feedback_release: each release's cumulative figures, as shown; reports read the latest one only.
ALTER TABLE "member" ADD COLUMN "feedback_salt" UUID NOT NULL DEFAULT gen_random_uuid();

CREATE TABLE "feedback_giver_mark" (
    "subject_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "mark" TEXT NOT NULL,

    CONSTRAINT "feedback_giver_mark_pkey" PRIMARY KEY ("subject_id","period_key","mark")
);
ALTER TABLE "feedback_giver_mark" ADD CONSTRAINT "feedback_giver_mark_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "feedback_pending_answer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "ratings" JSONB NOT NULL,
    "keep_doing" TEXT,
    "improve" TEXT,

    CONSTRAINT "feedback_pending_answer_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "feedback_pending_answer_subject_id_period_key_idx" ON "feedback_pending_answer"("subject_id", "period_key");
ALTER TABLE "feedback_pending_answer" ADD CONSTRAINT "feedback_pending_answer_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "feedback_pending_answer" ADD CONSTRAINT "feedback_pending_answer_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "feedback_release" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "workspace_id" UUID NOT NULL,
    "subject_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "threshold" SMALLINT NOT NULL,
    "answers" INTEGER NOT NULL,
    "dimensions" JSONB NOT NULL,
    "released_on" DATE NOT NULL,

    CONSTRAINT "feedback_release_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "feedback_release_subject_id_period_key_seq_key" ON "feedback_release"("subject_id", "period_key", "seq");
ALTER TABLE "feedback_release" ADD CONSTRAINT "feedback_release_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "feedback_release" ADD CONSTRAINT "feedback_release_subject_id_fkey" FOREIGN KEY ("subject_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "feedback_answer" ADD COLUMN "release_id" UUID;
CREATE INDEX "feedback_answer_release_id_idx" ON "feedback_answer"("release_id");
ALTER TABLE "feedback_answer" ADD CONSTRAINT "feedback_answer_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "feedback_release"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing data. Dedupe keys move to the marks table (erasure still finds these older keys by recomputing them).
INSERT INTO "feedback_giver_mark" ("subject_id", "period_key", "mark")
SELECT "subject_id", "period_key", "giver_key" FROM "feedback_answer" WHERE "giver_key" NOT LIKE 'forgotten:%'
ON CONFLICT DO NOTHING;

-- Anonymous answers that were already shown (at least the workspace's threshold) become a first release; each
-- dimension's figure only where it had enough ratings of its own.
INSERT INTO "feedback_release" ("workspace_id", "subject_id", "period_key", "seq", "threshold", "answers", "dimensions", "released_on")
SELECT g.workspace_id, g.subject_id, g.period_key, 1, g.threshold, g.n,
       COALESCE((
         SELECT jsonb_agg(jsonb_build_object(
                  'key', d.key, 'label', d.label,
                  'sum', CASE WHEN x.count >= g.threshold THEN x.sum ELSE 0 END,
                  'count', CASE WHEN x.count >= g.threshold THEN x.count ELSE 0 END) ORDER BY d.position, d.key)
         FROM (SELECT r.dimension_id, sum(r.score)::int AS sum, count(*)::int AS count
               FROM "feedback_answer" a JOIN "feedback_rating" r ON r.answer_id = a.id
               WHERE a.subject_id = g.subject_id AND a.period_key = g.period_key AND a.visibility = 'anonymous'
               GROUP BY r.dimension_id) x
         JOIN "feedback_dimension" d ON d.id = x.dimension_id), '[]'::jsonb),
       CURRENT_DATE
FROM (SELECT a.workspace_id, a.subject_id, a.period_key, count(*)::int AS n, COALESCE(s.anonymity_threshold, 3) AS threshold
      FROM "feedback_answer" a LEFT JOIN "feedback_settings" s ON s.workspace_id = a.workspace_id
      WHERE a.visibility = 'anonymous'
      GROUP BY a.workspace_id, a.subject_id, a.period_key, s.anonymity_threshold
      HAVING count(*) >= COALESCE(s.anonymity_threshold, 3)) g;

UPDATE "feedback_answer" a SET "release_id" = r.id FROM "feedback_release" r
WHERE a.visibility = 'anonymous' AND r.subject_id = a.subject_id AND r.period_key = a.period_key;

-- The others were never shown: they wait for a batch like new ones.
INSERT INTO "feedback_pending_answer" ("workspace_id", "subject_id", "period_key", "ratings", "keep_doing", "improve")
SELECT a.workspace_id, a.subject_id, a.period_key,
       COALESCE((SELECT jsonb_object_agg(r.dimension_id::text, r.score) FROM "feedback_rating" r WHERE r.answer_id = a.id), '{}'::jsonb),
       a.keep_doing, a.improve
FROM "feedback_answer" a WHERE a.visibility = 'anonymous' AND a.release_id IS NULL;
DELETE FROM "feedback_answer" WHERE visibility = 'anonymous' AND release_id IS NULL;

DROP INDEX "feedback_answer_subject_id_period_key_giver_key_key";
ALTER TABLE "feedback_answer" DROP COLUMN "giver_key";

-- An anonymous answer in feedback_answer always belongs to a release; a named one never does. (A trigger, not a
-- CHECK: see the first feedback migration.)
CREATE FUNCTION feedback_answer_anonymous_released() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.visibility = 'anonymous') <> (NEW.release_id IS NOT NULL) THEN
    RAISE EXCEPTION 'feedback_answer_anonymous_released: anonymous answers are stored only by a release' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER feedback_answer_anonymous_released BEFORE INSERT OR UPDATE ON "feedback_answer" FOR EACH ROW EXECUTE FUNCTION feedback_answer_anonymous_released();
