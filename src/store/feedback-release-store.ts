// Releasing anonymous feedback in batches (see core/feedback/feedback-release.ts for the rule). One transaction,
// under a lock per subject and period: the waiting answers move into feedback_answer in random order with one
// release id (so they share one transaction id and no insertion order), their pending rows are deleted, and the
// release stores the figures reports show from then on.
import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import type { DimensionStat } from "../core/feedback/feedback-model.ts";
import { releaseDue, type ReleasedFigures } from "../core/feedback/feedback-release.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./prisma.ts";

type Tx = Prisma.TransactionClient;

/** A release's `dimensions` column. */
export const ReleasedDimensions = z.array(z.object({ key: z.string(), label: z.string(), sum: z.number().int(), count: z.number().int() }));
const PendingRatings = z.record(z.string(), z.number().int().min(1).max(5));

/** The latest release of a subject's period, or null before the first. */
export async function latestRelease(db: Db | Tx, subjectId: string, periodKey: string): Promise<(ReleasedFigures & { seq: number }) | null> {
  const row = await db.feedbackRelease.findFirst({ where: { subjectId, periodKey }, orderBy: { seq: "desc" } });
  return row ? { seq: row.seq, answers: row.answers, dimensions: ReleasedDimensions.parse(row.dimensions) } : null;
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function releaseAnonymous(
  db: Db,
  input: { workspaceId: string; subjectId: string; periodKey: string; threshold: number; releasedOn: string },
  next: (previous: ReleasedFigures | null, totals: DimensionStat[], answers: number) => ReleasedFigures,
): Promise<boolean> {
  const { workspaceId, subjectId, periodKey } = input;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`feedback-release:${subjectId}:${periodKey}`}, 0))`;
    const pending = await tx.feedbackPendingAnswer.findMany({ where: { subjectId, periodKey } });
    if (!releaseDue(pending.length, input.threshold)) return false;
    const previous = await latestRelease(tx, subjectId, periodKey);
    const dimensions = await tx.feedbackDimension.findMany({ where: { workspaceId }, select: { id: true, key: true, label: true, position: true } });
    const byId = new Map(dimensions.map((d) => [d.id, d]));
    const sums = new Map<string, { sum: number; count: number }>();
    const add = (dimensionId: string, sum: number, count: number) => {
      const acc = sums.get(dimensionId) ?? { sum: 0, count: 0 };
      sums.set(dimensionId, { sum: acc.sum + sum, count: acc.count + count });
    };
    const released = await tx.$queryRaw<{ dimension_id: string; sum: bigint; count: bigint }[]>`
      SELECT r.dimension_id::text AS dimension_id, sum(r.score) AS sum, count(*) AS count
      FROM feedback_answer a JOIN feedback_rating r ON r.answer_id = a.id
      WHERE a.subject_id = ${subjectId}::uuid AND a.period_key = ${periodKey} AND a.visibility = 'anonymous'
      GROUP BY r.dimension_id`;
    for (const r of released) add(r.dimension_id, Number(r.sum), Number(r.count));
    const batch = shuffled(pending).map((p) => ({
      id: randomUUID(),
      teamId: p.teamId,
      keepDoing: p.keepDoing,
      improve: p.improve,
      ratings: Object.entries(PendingRatings.parse(p.ratings)).filter(([dimensionId]) => byId.has(dimensionId)),
    }));
    for (const b of batch) for (const [dimensionId, score] of b.ratings) add(dimensionId, score, 1);
    const totals = [...sums.entries()]
      .flatMap(([id, v]) => {
        const d = byId.get(id);
        return d ? [{ d, stat: { key: d.key, label: d.label, sum: v.sum, count: v.count } }] : [];
      })
      .sort((a, b) => a.d.position - b.d.position || a.d.key.localeCompare(b.d.key))
      .map((t) => t.stat);
    const answers = (await tx.feedbackAnswer.count({ where: { subjectId, periodKey, visibility: "anonymous" } })) + batch.length;
    const figures = next(previous, totals, answers);
    const releasedOn = new Date(`${input.releasedOn}T00:00:00Z`);
    const release = await tx.feedbackRelease.create({
      data: { workspaceId, subjectId, periodKey, seq: (previous?.seq ?? 0) + 1, threshold: input.threshold, answers: figures.answers,
        dimensions: figures.dimensions.map(({ key, label, sum, count }) => ({ key, label, sum, count })), releasedOn },
      select: { id: true },
    });
    await tx.feedbackAnswer.createMany({
      data: batch.map((b) => ({
        id: b.id, workspaceId, subjectId, periodKey, teamId: b.teamId, visibility: "anonymous" as const, giverId: null,
        keepDoing: b.keepDoing, improve: b.improve, answeredOn: releasedOn, releaseId: release.id,
      })),
    });
    const ratings = batch.flatMap((b) => b.ratings.map(([dimensionId, score]) => ({ answerId: b.id, dimensionId, score })));
    if (ratings.length > 0) await tx.feedbackRating.createMany({ data: ratings });
    await tx.feedbackPendingAnswer.deleteMany({ where: { id: { in: pending.map((p) => p.id) } } });
    return true;
  });
}
