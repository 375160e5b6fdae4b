import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../src/store/group-commit.ts";

/** A writer that records each batch and answers each item with its double, after a turn of the event loop. */
function recording() {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  const writer = new GroupCommit<number, number>(async (items) => {
    batches.push(items);
    await new Promise<void>((r) => (release = r));
    return items.map((i) => (i < 0 ? { status: "rejected", reason: new Error(`bad ${i}`) } : { status: "fulfilled", value: i * 2 }));
  }, 3);
  return { writer, batches, release: () => release?.() };
}

describe("GroupCommit", () => {
  it("writes items submitted in the same turn of the event loop as one batch, in order", async () => {
    const { writer, batches, release } = recording();
    const results = [writer.submit(1), writer.submit(2), writer.submit(3)];
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3]]);
    release();
    expect(await Promise.all(results)).toEqual([2, 4, 6]);
  });

  it("queues what arrives while a batch is written for the next one, at most maxBatch at a time", async () => {
    const { writer, batches, release } = recording();
    const first = writer.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4, 5].map((i) => writer.submit(i));
    expect(batches).toEqual([[1]]);
    release();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release();
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
    release();
    expect(await Promise.all(later)).toEqual([4, 6, 8, 10]);
  });

  it("fails only the item its writer refused, and every item of a batch whose writer threw", async () => {
    const { writer, release } = recording();
    const ok = writer.submit(1);
    const bad = writer.submit(-1);
    await new Promise((r) => setImmediate(r));
    release();
    expect(await ok).toBe(2);
    await expect(bad).rejects.toThrow("bad -1");

    const throwing = new GroupCommit<number, number>(async () => {
      throw new Error("connection lost");
    });
    const both = [throwing.submit(1), throwing.submit(2)];
    for (const p of both) await expect(p).rejects.toThrow("connection lost");
    // The writer is usable again after a failed batch.
    const again = new GroupCommit<number, number>(async (items) => items.map((value) => ({ status: "fulfilled" as const, value })));
    expect(await again.submit(7)).toBe(7);
  });
});
