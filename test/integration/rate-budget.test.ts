import { webApi } from "@slack/bolt";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { TransientError } from "../../src/core/shared/errors.ts";
import { RedisRateBudget } from "../../src/jobs/rate-budget.ts";
import { SlackDirectMessenger } from "../../src/slack/slack-direct-messenger.ts";
import { DEFAULT_TEAMS_RATES } from "../../src/teams/teams-notifier.ts";
import { FakeSlackApi } from "../support/fake-slack-api.ts";
import { ALL_USERS, USERS } from "../support/users.ts";
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

  it("holds a conversation to every one of its windows, across processes", async () => {
    // Scaled-down Teams windows: a fast one (burst 3, 40/s) and a slow one (burst 8, then 5/s).
    const windows = [{ perSecond: 40, burst: 3 }, { perSecond: 5, burst: 8 }];
    const a = new RedisRateBudget(redisA, prefix, { perSecond: 1000, burst: 1000 }, windows);
    const b = new RedisRateBudget(redisB, prefix, { perSecond: 1000, burst: 1000 }, windows);
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).acquire("TWIN", "19:thread").then(() => times.push(Date.now() - started))));
    times.sort((x, y) => x - y);
    // The fast window alone spaces posts 4 to 8 by 25 ms each; the slow one lets the 9th and 10th out 200 ms apart.
    expect(times[7]).toBeGreaterThanOrEqual(120);
    expect(times[9]).toBeGreaterThanOrEqual(380);
  });

  it("spends no window's slot when another window refuses", async () => {
    const windows = [{ perSecond: 1, burst: 2 }, { perSecond: 0.1, burst: 1 }];
    const budget = new RedisRateBudget(redisA, prefix, { perSecond: 1000, burst: 1000 }, windows, 500);
    await budget.acquire("TATOM", "19:c");
    // The slow window refuses twice; the fast window (burst 2) must still have its second slot afterwards.
    for (let i = 0; i < 2; i++) await expect(budget.acquire("TATOM", "19:c")).rejects.toBeInstanceOf(TransientError);
    const fastOnly = new RedisRateBudget(redisA, prefix, { perSecond: 1000, burst: 1000 }, [windows[0]!], 500);
    const started = Date.now();
    await fastOnly.acquire("TATOM", "19:c");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("sizes the Teams windows within Teams' per-thread limits (7 a second, 60 per 30 seconds, 1800 an hour)", () => {
    const most = (seconds: number) => Math.min(...DEFAULT_TEAMS_RATES.conversation.map((r) => r.burst + Math.floor(seconds * r.perSecond)));
    expect(most(1)).toBeLessThanOrEqual(7);
    expect(most(30)).toBeLessThanOrEqual(60);
    expect(most(3600)).toBeLessThanOrEqual(1800);
    expect(most(1)).toBeGreaterThanOrEqual(5);
  });
});

describe("SlackDirectMessenger", () => {
  it("spends the workspace's posting budget, so a fan-out of DMs cannot outrun the digests", async () => {
    const slack = await new FakeSlackApi(ALL_USERS).start();
    try {
      const client = new webApi.WebClient("xoxb-test", { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
      // One post per 100 s for the whole workspace, burst 1, and no waiting: the second DM must be refused.
      const budget = new RedisRateBudget(redisA, prefix, { perSecond: 0.01, burst: 1 }, { perSecond: 100, burst: 100 }, 0);
      const messenger = new SlackDirectMessenger(client, budget, "TDMS", () => Promise.resolve("en"));
      const prompt = (member: { id: string; name: string }) => ({
        kind: "recognition_prompt" as const,
        weekKey: "2026-W47",
        member: { id: member.id, workspaceId: "w", teamId: null, platformUserId: member.id, displayName: member.name, handle: null, locale: null, role: "agent" as const, isBot: false, isDeactivated: false },
      });
      await messenger.send(USERS.ana.id, prompt(USERS.ana));
      await expect(messenger.send(USERS.bo.id, prompt(USERS.bo))).rejects.toBeInstanceOf(TransientError);
      expect(slack.dmsTo(USERS.ana.id)).toHaveLength(1);
      expect(slack.dmsTo(USERS.bo.id)).toHaveLength(0);
      // Another workspace's budget is untouched.
      await new SlackDirectMessenger(client, budget, "TOTHER", () => Promise.resolve("en")).send(USERS.bo.id, prompt(USERS.bo));
      expect(slack.dmsTo(USERS.bo.id)).toHaveLength(1);
    } finally {
      await slack.stop();
    }
  });
});
