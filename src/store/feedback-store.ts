// Peer feedback storage: dimensions, the anonymity threshold and answers. An answer and its ratings are written
// in one transaction; the unique (subject, period, giver_key) makes a second answer by the same person a no-op.
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

  async setAnonymityThreshold(workspaceId: string, threshold: number): Promise<void> {
    const value = Math.max(MIN_ANONYMITY_THRESHOLD, threshold);
    await this.db.feedbackSettings.upsert({ where: { workspaceId }, create: { workspaceId, anonymityThreshold: value }, update: { anonymityThreshold: value } });
  }

  async recordAnswer(answer: NewFeedbackAnswer): Promise<{ created: boolean }> {
    const result = await this.db.$transaction(async (tx) => {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO feedback_answer (workspace_id, subject_id, period_key, visibility, giver_id, giver_key, keep_doing, improve, answered_on)
        VALUES (${answer.workspaceId}::uuid, ${answer.subjectId}::uuid, ${answer.periodKey}, ${answer.visibility}::"FeedbackVisibility",
                ${answer.giverId}::uuid, ${answer.giverKey}, ${answer.keepDoing}, ${answer.improve}, ${answer.answeredOn}::date)
        ON CONFLICT (subject_id, period_key, giver_key) DO NOTHING
        RETURNING id`;
      const id = inserted[0]?.id;
      if (!id) return { created: false };
      if (answer.ratings.length > 0) {
        await tx.feedbackRating.createMany({ data: answer.ratings.map((r) => ({ answerId: id, dimensionId: r.dimensionId, score: r.score })) });
      }
      return { created: true };
    });
    // Deliberately not in the answer's transaction: rows written by one transaction share its id (xmin),
    // which would tie an anonymous answer to the peer's recipient row. If this step is lost, the peer's next
    // attempt finds the answer and marks them answered then.
    if (answer.recipient) {
      await this.db.feedbackRecipient.updateMany({
        where: { requestId: answer.recipient.requestId, peerId: answer.recipient.peerId, status: { not: "answered" } },
        data: { status: "answered" },
      });
    }
    return result;
  }

  async hasAnswered(subjectId: string, periodKey: string, giverKey: string): Promise<boolean> {
    const row = await this.db.feedbackAnswer.findUnique({ where: { subjectId_periodKey_giverKey: { subjectId, periodKey, giverKey } } });
    return row !== null;
  }

  async stats(subjectId: string, periodKey: string): Promise<FeedbackStats> {
    const [answers, ratings] = await Promise.all([
      this.db.feedbackAnswer.groupBy({ by: ["visibility"], where: { subjectId, periodKey }, _count: true }),
      this.db.$queryRaw<{ visibility: "named" | "anonymous"; key: string; label: string; sum: bigint; count: bigint }[]>`
        SELECT a.visibility, d.key, d.label, sum(r.score) AS sum, count(*) AS count
        FROM feedback_answer a JOIN feedback_rating r ON r.answer_id = a.id JOIN feedback_dimension d ON d.id = r.dimension_id
        WHERE a.subject_id = ${subjectId}::uuid AND a.period_key = ${periodKey}
        GROUP BY a.visibility, d.key, d.label, d.position ORDER BY d.position, d.key`,
    ]);
    const part = (visibility: "named" | "anonymous") => ({
      answers: answers.find((a) => a.visibility === visibility)?._count ?? 0,
      dimensions: ratings
        .filter((r) => r.visibility === visibility)
        .map((r): DimensionStat => ({ key: r.key, label: r.label, sum: Number(r.sum), count: Number(r.count) })),
    });
    return { named: part("named"), anonymous: part("anonymous") };
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

  async anonymousComments(subjectId: string, periodKey: string): Promise<{ keepDoing: string[]; improve: string[] }> {
    const rows = await this.db.feedbackAnswer.findMany({
      where: { subjectId, periodKey, visibility: "anonymous" },
      select: { keepDoing: true, improve: true },
    });
    const sorted = (values: (string | null)[]) => values.filter((v): v is string => v !== null).sort((a, b) => a.localeCompare(b));
    return { keepDoing: sorted(rows.map((r) => r.keepDoing)), improve: sorted(rows.map((r) => r.improve)) };
  }
}
