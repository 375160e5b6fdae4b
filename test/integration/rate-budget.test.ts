import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { TransientError } from "../../src/core/errors.ts";
import { RedisRateBudget } from "../../src/jobs/rate-budget.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";

const prefix = uniquePrefix();
const redisA = new Redis(TEST_REDIS_URL);
const redisB = new Redis(TEST_REDIS_URL);

afterAll(async () => {
  redisA.disconnect();
  redisB.disconnect();
  await deleteKeysWithPrefix(prefix);
});

describe("RedisRateBudget", () => {
  it("spaces posts to the configured rate across processes sharing Redis", async () => {
    // Two budgets (as in two worker processes) spending one workspace's budget of 20/s, burst 2.
    const a = new RedisRateBudget(redisA, prefix, { perSecond: 20, burst: 2 }, { perSecond: 100, burst: 100 });
    const b = new RedisRateBudget(redisB, prefix, { perSecond: 20, burst: 2 }, { perSecond: 100, burst: 100 });
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).acquire("TWS", `C${i}`).then(() => times.push(Date.now() - started))));
    // 2 immediately (burst), then one every 50 ms: the 12th no earlier than 10 × 50 ms.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(480);
  });

  it("keeps workspaces apart", async () => {
    const budget = new RedisRateBudget(redisA, prefix, { perSecond: 1, burst: 1 }, { perSecond: 100, burst: 100 });
    await budget.acquire("TONE", "C1");
    const started = Date.now();
    await budget.acquire("TTWO", "C1");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("turns a wait longer than allowed into a TransientError with the wait, instead of blocking", async () => {
    const budget = new RedisRateBudget(redisA, prefix, { perSecond: 100, burst: 100 }, { perSecond: 0.1, burst: 1 }, 1_000);
    await budget.acquire("TSLOW", "CSLOW");
    const err = await budget.acquire("TSLOW", "CSLOW").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransientError);
    expect((err as TransientError).retryAfterMs).toBeGreaterThan(9_000);
  });
});
