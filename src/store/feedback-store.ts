// Peer feedback storage: dimensions, the anonymity threshold, answers and their releases. An answer, its ratings
// and its giver's mark are written in one transaction; the mark's primary key makes a second answer by the same
// person a no-op. An anonymous answer is written to feedback_pending_answer and only moves into feedback_answer
// with its batch (feedback-release-store.ts); reports read named answers and the latest release only.
import type { ReleasedFigures } from "../core/feedback/feedback-release.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import { audited } from "./audited.ts";
import {
  DEFAULT_FEEDBACK_DIMENSIONS,
  type DimensionStat,
  type FeedbackDimension,
  type FeedbackStats,
  MIN_ANONYMITY_THRESHOLD,
  type NamedFeedback,
  type NewFeedbackAnswer,
} from "../core/feedback/feedback-model.ts";
import type { FeedbackRepository } from "../core/feedback/feedback-ports.ts";
import { readFeedbackAggregateInputs } from "./feedback-aggregate-store.ts";
import { latestRelease, releaseAnonymous } from "./feedback-release-store.ts";
import type { Db } from "./prisma.ts";

export class PrismaFeedbackStore implements FeedbackRepository {
  constructor(private readonly db: Db) {}

  async dimensions(workspaceId: string): Promise<FeedbackDimension[]> {
    let rows = await this.active(workspaceId);
    if (rows.length === 0 && (await this.db.feedbackDimension.count({ where: { workspaceId } })) === 0) {
      await this.db.feedbackDimension.createMany({
        data: DEFAULT_FEEDBACK_DIMENSIONS.map((d, position) => ({ workspaceId, ...d, position })),
        skipDuplicates: true,
      });
      rows = await this.active(workspaceId);
    }
    return rows.map((r) => ({ id: r.id, key: r.key, label: r.label }));
  }

  private active(workspaceId: string) {
    return this.db.feedbackDimension.findMany({
      where: { workspaceId, archived: false },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    });
  }

  async addDimension(workspaceId: string, key: string, label: string): Promise<boolean> {
    await this.dimensions(workspaceId); // defaults first, so adding one does not replace them
    const existing = await this.db.feedbackDimension.findUnique({ where: { workspaceId_key: { workspaceId, key } } });
    if (existing && !existing.archived) return false;
    const last = await this.db.feedbackDimension.aggregate({ where: { workspaceId }, _max: { position: true } });
    const position = (last._max.position ?? 0) + 1;
    await this.db.feedbackDimension.upsert({
      where: { workspaceId_key: { workspaceId, key } },
      create: { workspaceId, key, label, position },
      update: { archived: false, label, position },
    });
    return true;
  }

  async archiveDimension(workspaceId: string, key: string): Promise<boolean> {
    await this.dimensions(workspaceId);
    const res = await this.db.feedbackDimension.updateMany({ where: { workspaceId, key, archived: false }, data: { archived: true } });
    return res.count > 0;
  }

  async anonymityThreshold(workspaceId: string): Promise<number> {
    const row = await this.db.feedbackSettings.findUnique({ where: { workspaceId } });
    return row?.anonymityThreshold ?? MIN_ANONYMITY_THRESHOLD;
  }

  async setAnonymityThreshold(workspaceId: string, threshold: number, audit: AuditEntry): Promise<void> {
    const value = Math.max(MIN_ANONYMITY_THRESHOLD, threshold);
    await audited(
      this.db,
      (tx) => tx.feedbackSettings.upsert({ where: { workspaceId }, create: { workspaceId, anonymityThreshold: value }, update: { anonymityThreshold: value } }),
      audit,
    );
  }

  async recordAnswer(answer: NewFeedbackAnswer): Promise<{ created: boolean }> {
    const [mark, ...older] = answer.marks;
    if (!mark) throw new Error("an answer needs its giver's mark");
    return this.db.$transaction(async (tx) => {
      const known = await tx.feedbackGiverMark.count({ where: { subjectId: answer.subjectId, periodKey: answer.periodKey, mark: { in: older } } });
      if (known > 0) return { created: false };
      const marked = await tx.$executeRaw`
        INSERT INTO feedback_giver_mark (subject_id, period_key, mark) VALUES (${answer.subjectId}::uuid, ${answer.periodKey}, ${mark})
        ON CONFLICT DO NOTHING`;
      if (marked === 0) return { created: false };
      if (answer.visibility === "anonymous") {
        await tx.feedbackPendingAnswer.create({
          data: {
            workspaceId: answer.workspaceId,
            subjectId: answer.subjectId,
            periodKey: answer.periodKey,
            ratings: Object.fromEntries(answer.ratings.map((r) => [r.dimensionId, r.score])),
            keepDoing: answer.keepDoing,
            improve: answer.improve,
          },
          select: { id: true },
        });
        return { created: true };
      }
      const row = await tx.feedbackAnswer.create({
        data: {
          workspaceId: answer.workspaceId,
          subjectId: answer.subjectId,
          periodKey: answer.periodKey,
          visibility: "named",
          giverId: answer.giverId,
          keepDoing: answer.keepDoing,
          improve: answer.improve,
          answeredOn: new Date(`${answer.answeredOn}T00:00:00Z`),
        },
        select: { id: true },
      });
      if (answer.ratings.length > 0) {
        await tx.feedbackRating.createMany({ data: answer.ratings.map((r) => ({ answerId: row.id, dimensionId: r.dimensionId, score: r.score })) });
      }
      return { created: true };
    });
  }

  async existingMarks(subjectId: string, periodKey: string, marks: string[]): Promise<Set<string>> {
    if (marks.length === 0) return new Set();
    const rows = await this.db.feedbackGiverMark.findMany({ where: { subjectId, periodKey, mark: { in: marks } }, select: { mark: true } });
    return new Set(rows.map((r) => r.mark));
  }

  async giverSalts(memberIds: string[]): Promise<Map<string, string>> {
    const rows = await this.db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, feedbackSalt: true } });
    return new Map(rows.map((r) => [r.id, r.feedbackSalt]));
  }

  releaseAnonymous(
    input: { workspaceId: string; subjectId: string; periodKey: string; threshold: number; releasedOn: string },
    next: (previous: ReleasedFigures | null, totals: DimensionStat[], answers: number) => ReleasedFigures,
  ): Promise<boolean> {
    return releaseAnonymous(this.db, input, next);
  }

  async aggregateInputs(workspaceId: string, subjectId: string, periodKey: string): Promise<{ stats: FeedbackStats; threshold: number; dimensions: FeedbackDimension[] }> {
    const inputs = await readFeedbackAggregateInputs(this.db, workspaceId, subjectId, periodKey);
    return { ...inputs, dimensions: inputs.dimensions ?? (await this.dimensions(workspaceId)) };
  }

  async stats(subjectId: string, periodKey: string): Promise<FeedbackStats> {
    const [answers, ratings, release] = await Promise.all([
      this.db.feedbackAnswer.count({ where: { subjectId, periodKey, visibility: "named" } }),
      this.db.$queryRaw<{ key: string; label: string; sum: bigint; count: bigint }[]>`
        SELECT d.key, d.label, sum(r.score) AS sum, count(*) AS count
        FROM feedback_answer a JOIN feedback_rating r ON r.answer_id = a.id JOIN feedback_dimension d ON d.id = r.dimension_id
        WHERE a.subject_id = ${subjectId}::uuid AND a.period_key = ${periodKey} AND a.visibility = 'named'
        GROUP BY d.key, d.label, d.position ORDER BY d.position, d.key`,
      latestRelease(this.db, subjectId, periodKey),
    ]);
    return {
      named: { answers, dimensions: ratings.map((r): DimensionStat => ({ key: r.key, label: r.label, sum: Number(r.sum), count: Number(r.count) })) },
      anonymous: release ? { answers: release.answers, dimensions: release.dimensions } : { answers: 0, dimensions: [] },
    };
  }

  async namedAnswers(subjectId: string, periodKey: string): Promise<NamedFeedback[]> {
    const rows = await this.db.feedbackAnswer.findMany({
      where: { subjectId, periodKey, visibility: "named" },
      include: { giver: true, ratings: { include: { dimension: true } } },
      orderBy: { answeredOn: "asc" },
    });
    return rows.flatMap((row) =>
      row.giver
        ? [
            {
              giver: { displayName: row.giver.displayName, platformUserId: row.giver.platformUserId },
              ratings: row.ratings
                .sort((a, b) => a.dimension.position - b.dimension.position)
                .map((r) => ({ key: r.dimension.key, label: r.dimension.label, score: r.score })),
              keepDoing: row.keepDoing,
              improve: row.improve,
            },
          ]
        : [],
    );
  }

  async releasedComments(subjectId: string, periodKey: string): Promise<{ seq: number; keepDoing: string[]; improve: string[] }[]> {
    const releases = await this.db.feedbackRelease.findMany({
      where: { subjectId, periodKey },
      orderBy: { seq: "asc" },
      select: { seq: true, answerRows: { select: { keepDoing: true, improve: true } } },
    });
    const texts = (values: (string | null)[]) => values.filter((v): v is string => v !== null);
    return releases.map((r) => ({ seq: r.seq, keepDoing: texts(r.answerRows.map((a) => a.keepDoing)), improve: texts(r.answerRows.map((a) => a.improve)) }));
  }
}
