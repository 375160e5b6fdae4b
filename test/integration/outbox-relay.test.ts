// The transactional outbox on real PostgreSQL and Redis: follow-ups are written with their gift, the relay
// claims, queues and deletes them, retries what it could not queue, never lets two relays deliver one row, and
// a crash between queueing and deleting queues nothing twice.
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { OutboxStore } from "../../src/core/outbound/outbox-ports.ts";
import { giftFollowUps } from "../../src/core/recognition/gift-follow-ups.ts";
import { GiftRefusedError, type GiftLimits } from "../../src/core/recognition/recognition-ports.ts";
import type { NewGift } from "../../src/core/shared/model.ts";
import { OutboxRelay, outboxJobId } from "../../src/jobs/outbox-relay.ts";
import { createQueues, type SpurQueues } from "../../src/jobs/queues.ts";
import { SpurMetrics } from "../../src/metrics.ts";
import { PrismaKudosLedger } from "../../src/store/kudos-ledger-store.ts";
import { PrismaOutbox } from "../../src/store/outbox-store.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { freePort, PrivateRedis } from "../support/private-redis.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "../support/redis-prefix.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let db: Db;
let otherDb: Db;
let redis: Redis;
let queues: SpurQueues;
const prefix = uniquePrefix();
const logger = pino({ level: "silent" });
let ids: { workspaceId: string; teamId: string; giverId: string; recipientId: string };

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  db = createPrisma(database.url);
  otherDb = createPrisma(database.url);
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  queues = createQueues({ connection: redis, prefix });
  const ws = await db.workspace.create({ data: { platform: "slack", externalId: "TOUTBOX" } });
  const team = await db.team.create({ data: { workspaceId: ws.id, name: "Support", isDefault: true } });
  const member = (id: string) => db.member.create({ data: { workspaceId: ws.id, teamId: team.id, platformUserId: id, displayName: id } });
  const [giver, recipient] = await Promise.all([member("UGIVER"), member("URECIPIENT")]);
  ids = { workspaceId: ws.id, teamId: team.id, giverId: giver.id, recipientId: recipient.id };
});

afterEach(async () => {
  await db.outboxMessage.deleteMany();
  await queues.posts.obliterate({ force: true });
});

afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await deleteKeysWithPrefix(prefix);
  await db?.$disconnect();
  await otherDb?.$disconnect();
  await database?.drop();
});

const limits: GiftLimits = { allowancePoints: 1000, windowStart: new Date("2026-11-19T00:00:00Z"), cooldownSince: null };

function gift(key: string, points = 1): NewGift {
  return {
    workspaceId: ids.workspaceId,
    giverId: ids.giverId,
    recipients: [{ memberId: ids.recipientId, teamId: ids.teamId }],
    points,
    reason: `gift ${key}`,
    values: [],
    source: "slash_command",
    sourceRef: null,
    idempotencyKey: key,
    givenAt: new Date("2026-11-19T12:00:00Z"),
  };
}

const places = { recognitionChannelId: null, teamChannelId: "CTEAM", originChannelId: "CHERE" };
const followUps = (giftId: string) => giftFollowUps({ giftId }, places);

/** `count` outbox rows, as stored gifts leave them (a shoutout and a note each). */
async function storeGifts(count: number, tag: string): Promise<string[]> {
  const ledger = new PrismaKudosLedger(db);
  const stored = await Promise.all(Array.from({ length: count }, (_, i) => ledger.recordLimitedGift(gift(`${tag}-${i}`), limits, followUps)));
  return stored.map((s) => s.giftId);
}

const relayOf = (outbox: OutboxStore, options: ConstructorParameters<typeof OutboxRelay>[1] = {}, connected?: () => boolean) => {
  const metrics = new SpurMetrics({ defaultMetrics: false });
  const relay = new OutboxRelay({ outbox, queues, logger, metrics, ...(connected ? { connected } : {}) }, options);
  return { relay, metrics };
};

async function queuedJobs(q: SpurQueues = queues) {
  return (await q.posts.getJobs(["waiting", "delayed", "active", "completed", "failed"])).map((job) => ({ id: job.id, name: job.name, data: job.data as unknown }));
}

async function until<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe("the outbox, written with the gift", () => {
  it("holds a new gift's follow-ups, none for a redelivery of it, and none for a refused gift", async () => {
    const ledger = new PrismaKudosLedger(db);
    const first = await ledger.recordLimitedGift(gift("once"), limits, followUps);
    const again = await ledger.recordLimitedGift(gift("once"), limits, followUps);
    expect(again).toMatchObject({ giftId: first.giftId, created: false });
    await expect(ledger.recordLimitedGift(gift("too-much", 5000), limits, followUps)).rejects.toBeInstanceOf(GiftRefusedError);
    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.topic, r.payload, r.attempts, r.lastError])).toEqual([
      ["gift.shoutout", { giftId: first.giftId, channelId: "CTEAM" }, 0, null],
      ["gift.notify_recipients", { giftId: first.giftId }, 0, null],
    ]);
  });

  it("writes the follow-ups of gifts committed together in their shared transaction, and tells after the commit", async () => {
    let told = 0;
    const ledger = new PrismaKudosLedger(db, () => (told += 1));
    const stored = await Promise.all(Array.from({ length: 30 }, (_, i) => ledger.recordLimitedGift(gift(`batch-${i}`), limits, followUps)));
    const rows = await db.outboxMessage.findMany();
    expect(rows).toHaveLength(60);
    expect(new Set(rows.map((r) => (r.payload as { giftId: string }).giftId))).toEqual(new Set(stored.map((s) => s.giftId)));
    // Fewer commits than gifts: the group commit kept sharing transactions.
    expect(told).toBeGreaterThan(0);
    expect(told).toBeLessThan(30);
  });
});

describe("the outbox relay", () => {
  it("claims due rows, queues each as its job with the row's id as job id, then deletes them", async () => {
    const [giftId] = await storeGifts(1, "relay");
    const rows = await db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    const { relay, metrics } = relayOf(new PrismaOutbox(db));
    expect(await relay.relayOnce()).toBe(2);
    expect(await db.outboxMessage.count()).toBe(0);
    expect((await queuedJobs()).sort((a, b) => String(a.id).localeCompare(String(b.id)))).toEqual(
      [
        { id: outboxJobId(String(rows[0]?.id)), name: "post-shoutout", data: { giftId, channelId: "CTEAM" } },
        { id: outboxJobId(String(rows[1]?.id)), name: "notify-recipients", data: { giftId } },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect((await metrics.outboxRelayed.get()).values.map((v) => [v.labels.topic, v.value]).sort()).toEqual([
      ["gift.notify_recipients", 1],
      ["gift.shoutout", 1],
    ]);
    expect(await relay.relayOnce()).toBe(0);
  });

  it("keeps a row it could not queue, with the error, and queues it once Redis is back", async () => {
    const down = new PrivateRedis(await freePort());
    await down.start();
    const connection = new Redis(down.url, { maxRetriesPerRequest: null });
    connection.on("error", () => undefined);
    const downQueues = createQueues({ connection, prefix });
    try {
      await storeGifts(1, "retry");
      await down.stop();
      await until(async () => connection.status !== "ready", "the connection to notice");
      const metrics = new SpurMetrics({ defaultMetrics: false });
      const relay = new OutboxRelay({ outbox: new PrismaOutbox(db), queues: downQueues, logger, metrics, connected: () => connection.status === "ready" });
      expect(await relay.relayOnce()).toBe(2);
      const kept = await db.outboxMessage.findMany();
      expect(kept.map((r) => [r.attempts, r.lastError])).toEqual([
        [1, "Redis is not connected"],
        [1, "Redis is not connected"],
      ]);
      // Not due again before its backoff.
      expect(kept.every((r) => r.availableAt.getTime() > Date.now())).toBe(true);
      expect((await metrics.outboxFailed.get()).values.map((v) => v.value)).toEqual([1, 1]);

      await down.start();
      await until(async () => connection.status === "ready", "the connection to come back");
      await until(async () => (await relay.relayOnce()) > 0 && (await db.outboxMessage.count()) === 0, "the rows to be relayed");
      expect((await queuedJobs(downQueues)).map((j) => j.name).sort()).toEqual(["notify-recipients", "post-shoutout"]);
    } finally {
      await downQueues.close();
      connection.disconnect();
      await down.stop();
    }
  });

  it("never lets two relays (two processes' pools) deliver the same row", async () => {
    await storeGifts(150, "race");
    const total = await db.outboxMessage.count();
    const claimedBy = (store: OutboxStore, seen: string[]): OutboxStore => ({
      claim: async (limit, leaseMs) => {
        const rows = await store.claim(limit, leaseMs);
        seen.push(...rows.map((r) => r.id));
        return rows;
      },
      delivered: (rowIds) => store.delivered(rowIds),
      failed: (id, error, retry) => store.failed(id, error, retry),
      backlog: () => store.backlog(),
    });
    const seenA: string[] = [];
    const seenB: string[] = [];
    const a = relayOf(claimedBy(new PrismaOutbox(db), seenA), { batchSize: 20 }).relay;
    const b = relayOf(claimedBy(new PrismaOutbox(otherDb), seenB), { batchSize: 20 }).relay;
    const drain = async (relay: OutboxRelay) => {
      while ((await relay.relayOnce()) > 0);
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    expect(await db.outboxMessage.count()).toBe(0);
    expect(seenA.length + seenB.length).toBe(total);
    expect(new Set([...seenA, ...seenB]).size).toBe(total);
    expect(seenA.length).toBeGreaterThan(0);
    expect(seenB.length).toBeGreaterThan(0);
    expect(await queuedJobs()).toHaveLength(total);
  });

  it("queues nothing twice when a relay dies between queueing a row and deleting it", async () => {
    await storeGifts(1, "crash");
    const store = new PrismaOutbox(db);
    // The first relay queues the jobs, then its process is gone before the delete.
    const dying = relayOf(
      {
        claim: (limit, leaseMs) => store.claim(limit, leaseMs),
        failed: (id, error, retryInMs) => store.failed(id, error, retryInMs),
        backlog: () => store.backlog(),
        delivered: () => Promise.reject(new Error("process killed")),
      },
      { leaseMs: 300 },
    ).relay;
    await expect(dying.relayOnce()).rejects.toThrow("process killed");
    expect(await queuedJobs()).toHaveLength(2);
    expect(await db.outboxMessage.count()).toBe(2);

    // Once the lease is over, another relay takes the rows: the same job ids queue nothing new.
    const other = relayOf(new PrismaOutbox(otherDb)).relay;
    await until(async () => (await other.relayOnce()) > 0, "the lease to run out");
    expect(await db.outboxMessage.count()).toBe(0);
    const jobs = await queuedJobs();
    expect(jobs.map((j) => j.name).sort()).toEqual(["notify-recipients", "post-shoutout"]);
  });

  it("runs on its own after a nudge, and polls as a fallback", async () => {
    const { relay } = relayOf(new PrismaOutbox(db), { pollMs: 100 });
    relay.start();
    try {
      await storeGifts(2, "polled");
      await until(async () => (await db.outboxMessage.count()) === 0, "the poll to relay the rows");
      const ledger = new PrismaKudosLedger(db, () => relay.nudge());
      await ledger.recordLimitedGift(gift("nudged"), limits, followUps);
      await until(async () => (await db.outboxMessage.count()) === 0, "the nudge to relay the rows");
      expect(await queuedJobs()).toHaveLength(6);
    } finally {
      await relay.stop();
    }
  });
});
