// Streamed reads for `/spur export`: keyset-paged queries, so a large workspace is read a page at a time.
import type { AuditEntry } from "../core/shared/audit.ts";
import type {
  AuditWriter,
  DataExportReads,
  FeedbackSubjectStats,
  KpiExportRow,
  KudosExportRow,
} from "../core/data-rights/data-rights-ports.ts";
import { MIN_ANONYMITY_THRESHOLD, type DimensionStat } from "../core/feedback/feedback-model.ts";
import type { TimeRange } from "../core/shared/ports.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { ReleasedDimensions } from "./feedback-release-store.ts";
import type { Db } from "./prisma.ts";

const PAGE = 500;
const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/** Yields the pages of a keyset-paged query; `page(after)` returns the rows after the cursor row. */
async function* pages<R>(page: (after: R | null) => Promise<R[]>): AsyncGenerator<R[]> {
  let after: R | null = null;
  for (;;) {
    const rows = await page(after);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1] ?? null;
  }
}

async function* paged<R>(page: (after: R | null) => Promise<R[]>): AsyncGenerator<R> {
  for await (const rows of pages(page)) yield* rows;
}

interface KudosRow {
  id: string;
  gift_id: string;
  created_at: Date;
  giver_name: string | null;
  giver_uid: string | null;
  recipient_name: string;
  recipient_uid: string;
  team: string;
  points: number;
  values: string[];
  reason: string;
  source: string;
  revoked: boolean;
}

interface KpiRow {
  id: string;
  date: string;
  member_name: string;
  member_uid: string;
  team: string | null;
  metric: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string;
}

export class PrismaDataExportStore implements DataExportReads, AuditWriter {
  constructor(private readonly db: Db) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db.auditLogEntry.create({ data: { ...entry, details: entry.details as Prisma.InputJsonValue } });
  }

  async anonymityThreshold(workspaceId: string): Promise<number> {
    const row = await this.db.feedbackSettings.findUnique({ where: { workspaceId } });
    return row?.anonymityThreshold ?? MIN_ANONYMITY_THRESHOLD;
  }

  async *kudos(workspaceId: string, range: TimeRange): AsyncGenerator<KudosExportRow> {
    const rows = paged<KudosRow>((after) => this.db.$queryRaw<KudosRow[]>`
      SELECT k.id::text AS id, k.gift_id::text AS gift_id, k.created_at, g.display_name AS giver_name, g.platform_user_id AS giver_uid,
             r.display_name AS recipient_name, r.platform_user_id AS recipient_uid, t.name AS team, k.points::int AS points,
             k.values, k.reason, k.source::text AS source, (k.revoked_at IS NOT NULL) AS revoked
      FROM kudos k
      JOIN member r ON r.id = k.recipient_id
      LEFT JOIN member g ON g.id = k.giver_id
      JOIN team t ON t.id = k.team_id
      WHERE k.workspace_id = ${workspaceId}::uuid AND k.created_at >= ${range.start} AND k.created_at < ${range.end}
        AND (k.created_at, k.id) > (${after?.created_at ?? new Date(0)}, ${after?.id ?? FIRST_ID}::uuid)
      ORDER BY k.created_at, k.id
      LIMIT ${PAGE}`);
    for await (const r of rows) {
      yield {
        kudosId: r.id,
        giftId: r.gift_id,
        givenAt: r.created_at,
        giverName: r.giver_name,
        giverUserId: r.giver_uid,
        recipientName: r.recipient_name,
        recipientUserId: r.recipient_uid,
        team: r.team,
        points: r.points,
        values: r.values,
        reason: r.reason,
        source: r.source,
        revoked: r.revoked,
      };
    }
  }

  async *kpiRecords(workspaceId: string, dates: { from: string; toExclusive: string }): AsyncGenerator<KpiExportRow> {
    const rows = paged<KpiRow>((after) => this.db.$queryRaw<KpiRow[]>`
      SELECT k.id::text AS id, to_char(k.period_date, 'YYYY-MM-DD') AS date, m.display_name AS member_name, m.platform_user_id AS member_uid,
             t.name AS team, k.metric, k.value, k.numerator, k.denominator, k.source
      FROM kpi_record k
      JOIN member m ON m.id = k.member_id
      LEFT JOIN team t ON t.id = k.team_id
      WHERE m.workspace_id = ${workspaceId}::uuid AND k.period_date >= ${dates.from}::date AND k.period_date < ${dates.toExclusive}::date
        AND (k.period_date, k.metric, k.id) > (${after?.date ?? "0001-01-01"}::date, ${after?.metric ?? ""}, ${after?.id ?? FIRST_ID}::uuid)
      ORDER BY k.period_date, k.metric, k.id
      LIMIT ${PAGE}`);
    for await (const r of rows) {
      yield {
        memberName: r.member_name,
        memberUserId: r.member_uid,
        team: r.team,
        metric: r.metric,
        date: r.date,
        value: r.value,
        numerator: r.numerator,
        denominator: r.denominator,
        source: r.source,
      };
    }
  }

  /** Rating sums per subject and period, a page of subjects at a time. */
  async *feedbackStats(workspaceId: string, periodKeys: string[]): AsyncGenerator<FeedbackSubjectStats> {
    type Subject = { subject_id: string; period_key: string; member_name: string; member_uid: string; team: string | null };
    const subjectPages = pages<Subject>((after) => this.db.$queryRaw<Subject[]>`
      SELECT s.subject_id::text AS subject_id, s.period_key, m.display_name AS member_name, m.platform_user_id AS member_uid, t.name AS team
      FROM (SELECT DISTINCT subject_id, period_key FROM feedback_answer
            WHERE workspace_id = ${workspaceId}::uuid AND period_key = ANY(${periodKeys})) s
      JOIN member m ON m.id = s.subject_id
      LEFT JOIN team t ON t.id = m.team_id
      WHERE (s.subject_id, s.period_key) > (${after?.subject_id ?? FIRST_ID}::uuid, ${after?.period_key ?? ""})
      ORDER BY s.subject_id, s.period_key
      LIMIT ${PAGE}`);
    for await (const subjects of subjectPages) yield* await this.statsOf(subjects);
  }

  private async statsOf(
    subjects: { subject_id: string; period_key: string; member_name: string; member_uid: string; team: string | null }[],
  ): Promise<FeedbackSubjectStats[]> {
    const ids = subjects.map((s) => s.subject_id);
    const keys = [...new Set(subjects.map((s) => s.period_key))];
    type Count = { subject_id: string; period_key: string; answers: bigint };
    type Sum = Count & { key: string; label: string; sum: bigint; count: bigint };
    type Release = { subject_id: string; period_key: string; answers: number; dimensions: unknown };
    // Named answers as given; anonymous ones only as of each period's latest release (as reports show them).
    const [counts, sums, releases] = await Promise.all([
      this.db.$queryRaw<Count[]>`
        SELECT subject_id::text AS subject_id, period_key, count(*) AS answers
        FROM feedback_answer WHERE subject_id = ANY(${ids}::uuid[]) AND period_key = ANY(${keys}) AND visibility = 'named'
        GROUP BY subject_id, period_key`,
      this.db.$queryRaw<Sum[]>`
        SELECT a.subject_id::text AS subject_id, a.period_key, d.key, d.label, sum(r.score) AS sum, count(*) AS count
        FROM feedback_answer a JOIN feedback_rating r ON r.answer_id = a.id JOIN feedback_dimension d ON d.id = r.dimension_id
        WHERE a.subject_id = ANY(${ids}::uuid[]) AND a.period_key = ANY(${keys}) AND a.visibility = 'named'
        GROUP BY a.subject_id, a.period_key, d.key, d.label, d.position ORDER BY d.position, d.key`,
      this.db.$queryRaw<Release[]>`
        SELECT DISTINCT ON (subject_id, period_key) subject_id::text AS subject_id, period_key, answers, dimensions
        FROM feedback_release WHERE subject_id = ANY(${ids}::uuid[]) AND period_key = ANY(${keys})
        ORDER BY subject_id, period_key, seq DESC`,
    ]);
    return subjects.map((s) => {
      const mine = <T extends { subject_id: string; period_key: string }>(rows: T[]) =>
        rows.filter((r) => r.subject_id === s.subject_id && r.period_key === s.period_key);
      const release = mine(releases)[0];
      return {
        memberName: s.member_name,
        memberUserId: s.member_uid,
        team: s.team,
        periodKey: s.period_key,
        stats: {
          named: {
            answers: Number(mine(counts)[0]?.answers ?? 0),
            dimensions: mine(sums).map((r): DimensionStat => ({ key: r.key, label: r.label, sum: Number(r.sum), count: Number(r.count) })),
          },
          anonymous: release ? { answers: release.answers, dimensions: ReleasedDimensions.parse(release.dimensions) } : { answers: 0, dimensions: [] },
        },
      };
    });
  }
}
