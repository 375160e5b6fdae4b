import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewGift } from "../../src/core/shared/model.ts";
import { PrismaKudosStore } from "../../src/store/kudos-store.ts";
import { openTestStore, seedTeam, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let kudos: PrismaKudosStore;
let seed: Awaited<ReturnType<typeof seedTeam>>;

beforeAll(async () => {
  store = await openTestStore();
  kudos = new PrismaKudosStore(store.db);
  seed = await seedTeam(store.db, 6);
});
afterAll(async () => {
  await store?.close();
});

function gift(giver: number, recipients: number[], key: string = randomUUID(), at = new Date("2026-11-18T10:00:00Z")): NewGift {
  return {
    workspaceId: seed.workspace.id,
    giverId: seed.members[giver]!.id,
    recipients: recipients.map((r) => ({ memberId: seed.members[r]!.id, teamId: seed.team.id })),
    points: 2,
    reason: "helped",
    values: ["ownership"],
    source: "slash_command",
    sourceRef: null,
    idempotencyKey: key,
    givenAt: at,
  };
}

describe("PrismaKudosStore (group commit)", () => {
  it("stores many concurrent gifts, each atomically with all its recipients", async () => {
    const gifts = Array.from({ length: 300 }, (_, i) => gift(i % 6, [(i + 1) % 6, (i + 2) % 6]));
    const results = await Promise.all(gifts.map((g) => kudos.recordGift(g)));
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(results.map((r) => r.giftId)).size).toBe(300);
    const rows = await store.db.kudos.groupBy({ by: ["giftId"], _count: true, where: { giftId: { in: results.map((r) => r.giftId) } } });
    expect(rows).toHaveLength(300);
    expect(rows.every((r) => r._count === 2)).toBe(true);
  });

  it("stores a redelivered gift once, even inside the same batch, and reports the first gift id", async () => {
    const key = `dup-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => kudos.recordGift(gift(0, [1, 2], key))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.giftId)).size).toBe(1);
    expect(await store.db.kudos.count({ where: { idempotencyKey: { startsWith: key } } })).toBe(2);
  });

  it("fails only the bad gift of a batch (nothing half-written)", async () => {
    const good = Array.from({ length: 20 }, () => gift(1, [3]));
    const missing: string = randomUUID();
    const bad: NewGift = { ...gift(1, [3, 4]), recipients: [{ memberId: seed.members[3]!.id, teamId: seed.team.id }, { memberId: missing, teamId: seed.team.id }] };
    const settled = await Promise.allSettled([...good.slice(0, 10), bad, ...good.slice(10)].map((g) => kudos.recordGift(g)));
    expect(settled.filter((s) => s.status === "rejected")).toHaveLength(1);
    expect(settled[10]?.status).toBe("rejected");
    expect(await store.db.kudos.count({ where: { idempotencyKey: { startsWith: bad.idempotencyKey } } })).toBe(0);
    for (const g of good) expect(await store.db.kudos.count({ where: { idempotencyKey: { startsWith: g.idempotencyKey } } })).toBe(1);
  });

  it("totals a member's kudos in a window, ignoring revoked ones", async () => {
    const member = seed.members[5]!;
    const window = { start: new Date("2026-12-07T00:00:00Z"), end: new Date("2026-12-14T00:00:00Z") };
    await kudos.recordGift(gift(0, [5], undefined, new Date("2026-12-08T10:00:00Z")));
    await kudos.recordGift(gift(1, [5], undefined, new Date("2026-12-13T23:59:59Z")));
    await kudos.recordGift(gift(2, [5], undefined, new Date("2026-12-14T00:00:00Z"))); // next week
    const revoked = await kudos.recordGift(gift(3, [5], undefined, new Date("2026-12-09T10:00:00Z")));
    await store.db.kudos.updateMany({ where: { giftId: revoked.giftId }, data: { revokedAt: new Date() } });
    await kudos.recordGift(gift(5, [0], undefined, new Date("2026-12-10T10:00:00Z")));
    expect(await kudos.totals(member.id, window)).toEqual({ received: { count: 2, points: 4 }, given: { count: 1, points: 2 } });
  });

  it("summarises a team's week: totals, distinct givers, top recipients and values", async () => {
    const window = { start: new Date("2027-01-04T00:00:00Z"), end: new Date("2027-01-11T00:00:00Z") };
    const at = new Date("2027-01-05T10:00:00Z");
    await kudos.recordGift({ ...gift(0, [1, 2], undefined, at), values: ["ownership", "empathy"] });
    await kudos.recordGift({ ...gift(3, [1], undefined, at), points: 5, values: [] });
    const week = await kudos.teamWeek(seed.team.id, window, 1);
    expect(week).toMatchObject({ count: 3, points: 9, givers: 2 });
    expect(week.topRecipients).toEqual([{ memberId: seed.members[1]!.id, displayName: "agent1", platformUserId: "U0001", points: 7, count: 2 }]);
    expect(
      await kudos.teamTotalsByRange(seed.team.id, [
        { start: new Date("2026-12-28T00:00:00Z"), end: window.start },
        window,
        { start: window.end, end: new Date("2027-01-18T00:00:00Z") },
      ]),
    ).toEqual([
      { count: 0, points: 0 },
      { count: 3, points: 9 },
      { count: 0, points: 0 },
    ]);
    expect(week.values).toEqual([
      { value: "empathy", count: 2 },
      { value: "ownership", count: 2 },
    ]);
  });
});
