// The release rule for anonymous feedback (core/feedback/feedback-release.ts) and how an aggregate shows it.
import { describe, expect, it } from "vitest";
import { shuffledComments } from "../../src/core/feedback/feedback-anonymity.ts";
import { aggregateFeedback } from "../../src/core/feedback/feedback.ts";
import { nextRelease, releaseDue } from "../../src/core/feedback/feedback-release.ts";

const stat = (key: string, sum: number, count: number) => ({ key, label: key[0]!.toUpperCase() + key.slice(1), sum, count });

describe("nextRelease", () => {
  it("is due only once the threshold of new answers is waiting", () => {
    expect(releaseDue(2, 3)).toBe(false);
    expect(releaseDue(3, 3)).toBe(true);
  });

  it("moves each dimension only by at least the threshold of new ratings", () => {
    const first = nextRelease(null, [stat("helpfulness", 14, 3), stat("empathy", 2, 1)], 3, 3);
    expect(first).toEqual({ answers: 3, dimensions: [stat("helpfulness", 14, 3), stat("empathy", 0, 0)] });
    // Three more answers, two of them rating empathy: helpfulness moves, empathy keeps its (empty) figure.
    const second = nextRelease(first, [stat("helpfulness", 20, 6), stat("empathy", 6, 3)], 6, 3);
    expect(second.dimensions).toEqual([stat("helpfulness", 20, 6), stat("empathy", 6, 3)]);
    const third = nextRelease(second, [stat("helpfulness", 29, 9), stat("empathy", 10, 5)], 9, 3);
    expect(third.dimensions).toEqual([stat("helpfulness", 29, 9), stat("empathy", 6, 3)]);
  });

  it("keeps the figure of a dimension whose ratings are gone", () => {
    const first = nextRelease(null, [stat("helpfulness", 12, 3), stat("knowledge", 9, 3)], 3, 3);
    expect(nextRelease(first, [stat("helpfulness", 24, 6)], 6, 3).dimensions).toEqual([stat("helpfulness", 24, 6), stat("knowledge", 9, 3)]);
  });
});

describe("aggregateFeedback with releases", () => {
  const active = [stat("helpfulness", 0, 0), stat("empathy", 0, 0)];

  it("lists an active dimension without a figure as withheld, and leaves it out of the overall", () => {
    const a = aggregateFeedback({ named: { answers: 0, dimensions: [] }, anonymous: { answers: 3, dimensions: [stat("helpfulness", 12, 3), stat("empathy", 0, 0)] } }, 3, "2026-11", active);
    expect(a.dimensions).toEqual([{ key: "helpfulness", label: "Helpfulness", mean: 4, count: 3 }]);
    expect(a.withheld).toEqual([{ key: "empathy", label: "Empathy" }]);
    expect(a.overall).toBe(4);
  });

  it("hides released answers again when the threshold is raised above them, and withholds nothing when nothing shows", () => {
    const a = aggregateFeedback({ named: { answers: 0, dimensions: [] }, anonymous: { answers: 3, dimensions: [stat("helpfulness", 12, 3)] } }, 4, "2026-11", active);
    expect(a).toMatchObject({ anonymousShown: false, answers: 0, dimensions: [], withheld: [], overall: null });
  });
});

describe("shuffledComments", () => {
  it("orders a batch's comments by a keyed hash: stable, and not as given", () => {
    const given = ["a", "b", "c", "d", "e", "f"];
    const once = shuffledComments("secret", "batch-1", given);
    expect(shuffledComments("secret", "batch-1", [...given].reverse())).toEqual(once);
    expect([...once].sort()).toEqual(given);
    expect(once).not.toEqual(given);
    expect(shuffledComments("other-secret", "batch-1", given)).not.toEqual(once);
  });
});
