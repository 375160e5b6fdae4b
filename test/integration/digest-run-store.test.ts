import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaDigestRunStore } from "../../src/store/digest-run-store.ts";
import { openTestStore, seedTeam, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let runs: PrismaDigestRunStore;
let teamId: string;

beforeAll(async () => {
  store = await openTestStore();
  runs = new PrismaDigestRunStore(store.db);
  teamId = (await seedTeam(store.db, 0)).team.id;
});
afterAll(async () => {
  await store?.close();
});

const t0 = new Date("2026-11-23T09:00:00Z");

describe("digest run claims", () => {
  it("lets exactly one of many concurrent workers claim a team-week", async () => {
    const key = { teamId, kind: "weekly_digest", periodKey: "2026-W47" };
    const claims = await Promise.all(Array.from({ length: 25 }, () => runs.claim(key, 60_000, t0)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(claims.find(Boolean)?.attempt).toBe(1);
  });

  it("hands an expired lease to the next worker, never a live one or a posted run", async () => {
    const key = { teamId, kind: "weekly_digest", periodKey: "2026-W46" };
    const first = await runs.claim(key, 60_000, t0);
    expect(first?.attempt).toBe(1);
    expect(await runs.claim(key, 60_000, new Date(t0.getTime() + 59_000))).toBeNull();
    const takeover = await runs.claim(key, 60_000, new Date(t0.getTime() + 61_000));
    expect(takeover).toEqual({ id: first?.id, attempt: 2 });
    await runs.markPosted(takeover!.id, "CTEAM", "1700000000.000100", t0);
    expect(await runs.claim(key, 60_000, new Date(t0.getTime() + 10 * 60_000))).toBeNull();
    const row = await store.db.digestRun.findUniqueOrThrow({ where: { id: first!.id } });
    expect(row).toMatchObject({ status: "posted", channelId: "CTEAM", messageRef: "1700000000.000100", leaseUntil: null });
  });

  it("makes released and failed runs claimable again, counting attempts", async () => {
    const key = { teamId, kind: "weekly_digest", periodKey: "2026-W45" };
    const a = await runs.claim(key, 60_000, t0);
    await runs.release(a!.id);
    const b = await runs.claim(key, 60_000, t0);
    expect(b?.attempt).toBe(2);
    await runs.markFailed(b!.id, "channel archived");
    expect((await store.db.digestRun.findUniqueOrThrow({ where: { id: b!.id } })).error).toBe("channel archived");
    expect((await runs.claim(key, 60_000, t0))?.attempt).toBe(3);
  });

  it("keeps periods and kinds apart", async () => {
    expect(await runs.claim({ teamId, kind: "weekly_digest", periodKey: "2026-W44" }, 60_000, t0)).not.toBeNull();
    expect(await runs.claim({ teamId, kind: "leaderboard", periodKey: "2026-W44" }, 60_000, t0)).not.toBeNull();
  });
});
