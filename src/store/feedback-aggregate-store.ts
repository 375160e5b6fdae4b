// What a peer-feedback aggregate needs, in one plain-SQL statement (prepared once per connection): the
// workspace's threshold and active dimensions, the subject's named ratings and the latest anonymous release.
import type { DimensionStat, FeedbackDimension, FeedbackStats } from "../core/feedback/feedback-model.ts";
import { MIN_ANONYMITY_THRESHOLD } from "../core/feedback/feedback-model.ts";
import { ReleasedDimensions } from "./feedback-release-store.ts";
import { type Db, sqlOf } from "./prisma.ts";

const AGGREGATE_SQL = `
  SELECT
    (SELECT anonymity_threshold FROM feedback_settings WHERE workspace_id = $1::uuid) AS threshold,
    (SELECT json_agg(json_build_object('id', id, 'key', key, 'label', label) ORDER BY position, created_at)
       FROM feedback_dimension WHERE workspace_id = $1::uuid AND NOT archived) AS dimensions,
    EXISTS (SELECT 1 FROM feedback_dimension WHERE workspace_id = $1::uuid) AS has_dimensions,
    (SELECT count(*)::int FROM feedback_answer WHERE subject_id = $2::uuid AND period_key = $3 AND visibility = 'named') AS named_answers,
    (SELECT json_agg(json_build_object('key', key, 'label', label, 'sum', sum, 'count', count) ORDER BY position, key) FROM (
       SELECT d.key, d.label, d.position, sum(r.score)::int AS sum, count(*)::int AS count
       FROM feedback_answer a JOIN feedback_rating r ON r.answer_id = a.id JOIN feedback_dimension d ON d.id = r.dimension_id
       WHERE a.subject_id = $2::uuid AND a.period_key = $3 AND a.visibility = 'named'
       GROUP BY d.key, d.label, d.position) t) AS named,
    (SELECT json_build_object('answers', answers, 'dimensions', dimensions) FROM feedback_release
       WHERE subject_id = $2::uuid AND period_key = $3 ORDER BY seq DESC LIMIT 1) AS release`;

interface AggregateRow {
  threshold: number | null;
  dimensions: FeedbackDimension[] | null;
  has_dimensions: boolean;
  named_answers: number;
  named: DimensionStat[] | null;
  release: { answers: number; dimensions: unknown } | null;
}

export interface FeedbackAggregateInputs {
  stats: FeedbackStats;
  threshold: number;
  /** Null when the workspace has no dimensions yet (the defaults are created on first use, by `dimensions`). */
  dimensions: FeedbackDimension[] | null;
}

export async function readFeedbackAggregateInputs(db: Db, workspaceId: string, subjectId: string, periodKey: string): Promise<FeedbackAggregateInputs> {
  const [row] = await sqlOf(db).query<AggregateRow>(AGGREGATE_SQL, [workspaceId, subjectId, periodKey], { name: "feedback_aggregate" });
  if (!row) throw new Error("the feedback aggregate statement returned no row");
  return {
    threshold: row.threshold ?? MIN_ANONYMITY_THRESHOLD,
    dimensions: row.has_dimensions ? (row.dimensions ?? []) : null,
    stats: {
      named: { answers: row.named_answers, dimensions: row.named ?? [] },
      anonymous: row.release ? { answers: row.release.answers, dimensions: ReleasedDimensions.parse(row.release.dimensions) } : { answers: 0, dimensions: [] },
    },
  };
}
