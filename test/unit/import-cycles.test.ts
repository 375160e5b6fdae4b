// The source has no import cycles (type-only imports included), and the shared core depends on no feature.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importCycles, importGraph, type ImportGraph } from "../support/import-graph.ts";

const SRC = path.resolve(import.meta.dirname, "../../src");
const graph = importGraph(SRC, (file) => file.startsWith("generated/"));

const describeCycle = (files: string[]) => `${files.length} files:\n    ${files.map((file) => `src/${file}`).join("\n    ")}`;

describe("import cycles", () => {
  it("finds each strongly connected component, self-imports included, and nothing acyclic", () => {
    const sample: ImportGraph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts", "e.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["d.ts"]],
      ["e.ts", []],
      ["f.ts", ["a.ts", "e.ts"]],
    ]);
    expect(importCycles(sample)).toEqual([["a.ts", "b.ts", "c.ts"], ["d.ts"]]);
  });

  it("reads type-only imports and re-exports as edges", () => {
    expect(graph.get("core/shared/ports.ts")).toContain("core/shared/model.ts");
    expect(graph.size).toBeGreaterThan(100);
    expect([...graph.keys()].some((file) => file.startsWith("generated/"))).toBe(false);
  });

  it("has none in src/", () => {
    const cycles = importCycles(graph);
    expect(cycles, `import cycles in src/:\n  ${cycles.map(describeCycle).join("\n  ")}`).toEqual([]);
  });
});

describe("core folder dependencies", () => {
  it("core/shared imports from no other core folder", () => {
    const outward = [...graph]
      .filter(([file]) => file.startsWith("core/shared/"))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith("core/") && !t.startsWith("core/shared/")).map((t) => `src/${file} -> src/${t}`));
    expect(outward, `core/shared must not depend on features:\n  ${outward.join("\n  ")}`).toEqual([]);
  });
});
