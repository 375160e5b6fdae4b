// Redis Cluster runs a multi-key script only when all its keys hash to one slot: every key Spur writes (BullMQ's
// queues, job schedulers, the posting budgets) must carry the `{QUEUE_PREFIX}` hash tag.
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveToHashTaggedKeys } from "../../src/jobs/redis-keys.ts";
import { createQueues } from "../../src/jobs/queues.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";
import { startHarness, type Harness } from "../support/spur-harness.ts";
import { ALL_USERS, esc, USERS } from "../support/users.ts";

let h: Harness;
let redis: Redis;

beforeAll(async () => {
  h = await startHarness({ users: ALL_USERS });
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await h?.stop();
});

async function keysMentioning(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `*${prefix}*`, "COUNT", 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== "0");
  return found;
}

describe("Redis keys", () => {
  it("all start with the hash-tagged prefix, so they share one cluster slot", async () => {
    const prefix = h.config.QUEUE_PREFIX;
    await h.command("/kudos", `${esc(USERS.ana)} 2 covered the night queue`, { user: USERS.carl.id, channel: "CSUPPORT" });
    // The shoutout went through a queue and spent the posting budget: queue, job and budget keys exist now.
    await h.slack.waitForCall("chat.postMessage", (a) => String(a.text).includes("covered the night queue"));
    const keys = await keysMentioning(prefix);
    expect(keys.some((k) => k.includes(":rate:"))).toBe(true);
    expect(keys.some((k) => k.includes(":posts:"))).toBe(true);
    expect(keys.filter((k) => !k.startsWith(`{${prefix}}:`))).toEqual([]);
  });
});

describe("upgrading from keys without the hash tag", () => {
  it("moves waiting and delayed jobs under the tagged prefix, where Spur's queues find them", async () => {
    const prefix = uniquePrefix();
    const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    try {
      // The layout before: BullMQ given the bare prefix.
      const old = new Queue("posts", { connection, prefix });
      await old.add("shoutout", { giftId: "g1" }, { jobId: "waiting-1" });
      await old.add("shoutout", { giftId: "g2" }, { jobId: "delayed-1", delay: 60_000 });
      await old.close();

      expect(await moveToHashTaggedKeys(connection, prefix)).toMatchObject({ kept: [] });
      expect((await keysMentioning(prefix)).filter((k) => !k.startsWith(`{${prefix}}:`))).toEqual([]);
      const queues = createQueues({ connection, prefix });
      try {
        expect(await queues.posts.getJobCounts("waiting", "delayed")).toEqual({ waiting: 1, delayed: 1 });
        expect((await queues.posts.getJob("waiting-1"))?.data).toEqual({ giftId: "g1" });
      } finally {
        await queues.close();
      }
    } finally {
      await deleteKeysWithPrefix(prefix);
      connection.disconnect();
    }
  });
});
