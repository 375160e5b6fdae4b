// Anonymous answers become visible in batches, so no sequence of reports tells one answer apart: a batch is
// released once at least the threshold of new anonymous answers has arrived since the last one, and a report
// shows the figures of the latest release only. Each dimension's figure, too, moves only by at least the
// threshold of new ratings (a dimension added mid-batch keeps its earlier figure, or none). There is no release
// at the end of a period: a last batch smaller than the threshold would be the difference of two reports.
import type { DimensionStat } from "./feedback-model.ts";

/** A release's cumulative figures, as shown: anonymous answers released so far and each dimension's sums. */
export interface ReleasedFigures {
  answers: number;
  /** `count` 0: the dimension has anonymous ratings but not yet enough for a figure. */
  dimensions: DimensionStat[];
}

export function releaseDue(pendingAnswers: number, threshold: number): boolean {
  return pendingAnswers >= threshold;
}

/**
 * The figures of the next release. `totals` are the sums per dimension over every anonymous answer of the period
 * this release makes visible (earlier batches and this one); `answers` is how many those are.
 */
export function nextRelease(previous: ReleasedFigures | null, totals: readonly DimensionStat[], answers: number, threshold: number): ReleasedFigures {
  const before = new Map((previous?.dimensions ?? []).map((d) => [d.key, d]));
  const dimensions = totals.map((t): DimensionStat => {
    const prev = before.get(t.key);
    if (t.count - (prev?.count ?? 0) >= threshold) return { key: t.key, label: t.label, sum: t.sum, count: t.count };
    return { key: t.key, label: t.label, sum: prev?.sum ?? 0, count: prev?.count ?? 0 };
  });
  // A dimension whose ratings are gone (its row deleted) keeps what was shown.
  for (const prev of before.values()) if (!totals.some((t) => t.key === prev.key)) dimensions.push(prev);
  return { answers, dimensions };
}
