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

  it("lists the latest runs of each kind asked for, and counts a kind's runs per period", async () => {
    const { team } = await seedTeam(store.db, 1, "T-STATUS");
    const run = async (kind: string, periodKey: string, outcome: "posted" | "failed" | "posting", error = "") => {
      const claim = await runs.claim({ teamId: team.id, kind, periodKey }, 60_000, t0);
      if (outcome === "posted") await runs.markPosted(claim!.id, "C1", periodKey, t0);
      if (outcome === "failed") await runs.markFailed(claim!.id, error);
    };
    for (const week of ["2026-W44", "2026-W45", "2026-W46", "2026-W47"]) await run("weekly_digest", week, "posted");
    await run("weekly_leaderboard", "2026-W47", "failed", "Slack refused: is_archived");
    await run("lead_digest", "2026-W46:UA", "posted");
    await run("lead_digest", "2026-W47:UA", "posted");
    await run("lead_digest", "2026-W47:UB", "failed", "Slack refused: user_not_found");
    await run("lead_digest", "2026-W47:UC", "failed", "Slack refused: user_not_found");
    await run("lead_digest", "2026-W47:29:1teams-user", "posting"); // Teams ids contain colons
    await run("lead_digest", "2026-W45:UA", "failed", "Slack refused: cannot_dm_bot");

    const recent = await runs.recentByKind(team.id, ["weekly_digest", "weekly_leaderboard", "monthly_awards"], 3);
    expect(recent.map((r) => [r.kind, r.periodKey, r.status])).toEqual([
      ["weekly_digest", "2026-W47", "posted"],
      ["weekly_digest", "2026-W46", "posted"],
      ["weekly_digest", "2026-W45", "posted"],
      ["weekly_leaderboard", "2026-W47", "failed"],
    ]);
    expect(recent[3]).toMatchObject({ attempts: 1, error: "Slack refused: is_archived", postedAt: null });

    expect(await runs.runsPerPeriod(team.id, "lead_digest", ":", 2)).toEqual([
      { periodKey: "2026-W47", posted: 1, failed: 2, inProgress: 1, errors: ["Slack refused: user_not_found"] },
      { periodKey: "2026-W46", posted: 1, failed: 0, inProgress: 0, errors: [] },
    ]);
    expect((await runs.runsPerPeriod(team.id, "lead_digest", ":", 5)).map((g) => [g.periodKey, g.errors])).toEqual([
      ["2026-W47", ["Slack refused: user_not_found"]],
      ["2026-W46", []],
      ["2026-W45", ["Slack refused: cannot_dm_bot"]],
    ]);
    expect(await runs.runsPerPeriod(teamId, "lead_digest", ":", 5)).toEqual([]);
  });
});
