// The allowance holds under concurrency across processes: two Spur instances (two Prisma clients, two pools)
// giving for the same giver at once can never overspend, and a delivery stored by one is a duplicate for the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { NewGift } from "../../src/core/shared/model.ts";
import { GiftRefusedError, type GiftLimits } from "../../src/core/recognition/recognition-ports.ts";
import { PrismaKudosLedger } from "../../src/store/kudos-ledger-store.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let dbA: Db;
let dbB: Db;
let ids: { workspaceId: string; teamId: string; giverId: string; recipients: string[] };

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  dbA = createPrisma(database.url);
  dbB = createPrisma(database.url);
  const ws = await dbA.workspace.create({ data: { platform: "slack", externalId: "TLEDGER" } });
  const team = await dbA.team.create({ data: { workspaceId: ws.id, name: "Support", isDefault: true } });
  const member = (id: string) => dbA.member.create({ data: { workspaceId: ws.id, teamId: team.id, platformUserId: id, displayName: id } });
  const giver = await member("UGIVER");
  const recipients = await Promise.all(["UR1", "UR2", "UR3"].map(member));
  ids = { workspaceId: ws.id, teamId: team.id, giverId: giver.id, recipients: recipients.map((r) => r.id) };
});

afterAll(async () => {
  await dbA?.$disconnect();
  await dbB?.$disconnect();
  await database?.drop();
});

const now = new Date("2026-11-19T12:00:00Z");
const limits: GiftLimits = { allowancePoints: 5, windowStart: new Date("2026-11-19T00:00:00Z"), cooldownSince: null };

function gift(key: string, points: number, recipient = 0): NewGift {
  return {
    workspaceId: ids.workspaceId,
    giverId: ids.giverId,
    recipients: [{ memberId: ids.recipients[recipient % 3] as string, teamId: ids.teamId }],
    points,
    reason: `gift ${key}`,
    values: [],
    source: "slash_command",
    sourceRef: null,
    idempotencyKey: key,
    givenAt: now,
  };
}

describe("PrismaKudosLedger under concurrency", () => {
  it("two instances giving 40 one-point gifts at once store exactly the allowance", async () => {
    const a = new PrismaKudosLedger(dbA);
    const b = new PrismaKudosLedger(dbB);
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).recordLimitedGift(gift(`race-${i}`, 1, i), limits)),
    );
    const stored = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected" && r.reason instanceof GiftRefusedError);
    expect(stored).toHaveLength(5);
    expect(refused).toHaveLength(35);
    expect(await a.pointsGivenSince(ids.giverId, limits.windowStart)).toBe(5);
  });

  it("the same delivery sent to both instances at once is stored once and never refused", async () => {
    await dbA.kudos.updateMany({ data: { revokedAt: now } }); // give the allowance back
    const a = new PrismaKudosLedger(dbA);
    const b = new PrismaKudosLedger(dbB);
    const [x, y] = await Promise.all([a.recordLimitedGift(gift("dup", 2), limits), b.recordLimitedGift(gift("dup", 2), limits)]);
    expect(x.giftId).toBe(y.giftId);
    expect([x.created, y.created].sort()).toEqual([false, true]);
    expect(await dbA.kudos.count({ where: { idempotencyKey: { startsWith: "dup:" } } })).toBe(1);
  });

  it("enforces the cool-down inside one batch and against stored gifts", async () => {
    const a = new PrismaKudosLedger(dbA);
    const cooled = { ...limits, allowancePoints: 100, cooldownSince: new Date(now.getTime() - 3600_000) };
    const results = await Promise.allSettled([a.recordLimitedGift(gift("cool-1", 1, 2), cooled), a.recordLimitedGift(gift("cool-2", 1, 2), cooled)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as GiftRefusedError).breach.kind).toBe("cooldown");
  });

  it("members giving to each other from two instances at once never deadlock", async () => {
    const a = new PrismaKudosLedger(dbA);
    const b = new PrismaKudosLedger(dbB);
    const members = [ids.giverId, ...ids.recipients];
    const open = { ...limits, allowancePoints: 1_000 };
    const gifts = Array.from({ length: 80 }, (_, i) => {
      const giver = members[i % 4] as string;
      const recipient = members[(i + 1 + (i % 3)) % 4] as string;
      const g: NewGift = { ...gift(`cross-${i}`, 1), giverId: giver, recipients: [{ memberId: recipient, teamId: ids.teamId }] };
      return (i % 2 ? a : b).recordLimitedGift(g, open);
    });
    const results = await Promise.allSettled(gifts);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await dbA.kudos.count({ where: { idempotencyKey: { startsWith: "cross-" } } })).toBe(80);
  });
});
