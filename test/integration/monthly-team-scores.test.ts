// The team award's scores, computed once per workspace and month over real PostgreSQL: the first run computes
// every team's score and stores it, later runs (and concurrent ones) get the stored scores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AwardsDeps, workspaceTeamScores } from "../../src/core/awards/awards-post.ts";
import { PrismaKpiTargetStore } from "../../src/store/kpi-target-store.ts";
import { PrismaMonthlyTeamScores } from "../../src/store/monthly-team-scores-store.ts";
import { PrismaRecognitionSettingsStore } from "../../src/store/recognition-settings-store.ts";
import { PrismaScorecardReads } from "../../src/store/scorecard-reads-store.ts";
import { PrismaWorkspaceStore } from "../../src/store/workspace-store.ts";
import { TestClock } from "../support/clock.ts";
import { openTestStore, seedTeam, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let deps: AwardsDeps;
let workspaceId: string;
let support: string;
let billing: string;
let late: string;

async function kpis(memberId: string, date: string, csat: [number, number], tickets: number) {
  await store.db.kpiRecord.createMany({
    data: [
      { memberId, metric: "csat", periodDate: new Date(date), value: (csat[0] * 100) / csat[1], numerator: csat[0], denominator: csat[1], source: "test", ref: date },
      { memberId, metric: "tickets_handled", periodDate: new Date(date), value: tickets, source: "test", ref: date },
    ],
  });
}

beforeAll(async () => {
  store = await openTestStore();
  const targets = new PrismaKpiTargetStore(store.db);
  deps = {
    workspaces: new PrismaWorkspaceStore(store.db),
    scorecardReads: new PrismaScorecardReads(store.db),
    kpiTargets: targets,
    teamScores: new PrismaMonthlyTeamScores(store.db),
    recognitionSettings: new PrismaRecognitionSettingsStore(store.db),
    // The months scored are over: each is judged whole.
    clock: new TestClock(new Date("2026-12-02T09:00:00Z")),
  };
  const seeded = await seedTeam(store.db, 2, "T-AWARDS");
  workspaceId = seeded.workspace.id;
  support = seeded.team.id;
  billing = (await store.db.team.create({ data: { workspaceId, name: "Billing", timeZone: "America/New_York" } })).id;
  const [b0, b1] = await Promise.all(
    ["UB0", "UB1"].map((id, i) => store.db.member.create({ data: { workspaceId, teamId: billing, platformUserId: id, displayName: `billing${i}` } })),
  );
  late = b1!.id;
  for (const team of [support, billing]) await targets.set(team, { metric: "csat", target: 100, weight: 1, period: "month", minVolume: null }, seeded.members[0]!.id);
  // Support: 18/20 = 90% and 16/20 = 80%, both with 30 tickets → mean 85%.
  await kpis(seeded.members[0]!.id, "2026-11-10", [18, 20], 30);
  await kpis(seeded.members[1]!.id, "2026-11-10", [16, 20], 30);
  // Billing: 19/20 = 95% with 25 tickets, and 10 tickets (below the minimum of 20) → one eligible agent, no score.
  await kpis(b0!.id, "2026-11-10", [19, 20], 25);
  await kpis(late, "2026-11-10", [10, 10], 10);
});
afterAll(async () => {
  await store?.close();
});

describe("the workspace's team scores for a month", () => {
  it("are computed over every team on the first run and stored; later runs read them", async () => {
    const first = await workspaceTeamScores(deps, workspaceId, "2026-11");
    expect(first.map((s) => [s.teamName, s.score === null ? null : Math.round(s.score * 1000) / 1000])).toEqual([
      ["Support", 85],
      ["Billing", null],
    ]);
    // Billing's second agent reaches the minimum volume later: (95% + 100%) ÷ 2 would now score 97.5%,
    // but the month's scores were computed once and every team's run reads the same ones.
    await kpis(late, "2026-11-12", [10, 10], 10);
    expect(await workspaceTeamScores(deps, workspaceId, "2026-11")).toEqual(first);
    expect(await store.db.monthlyTeamScores.count({ where: { workspaceId } })).toBe(1);
  });

  it("are the same for runs racing on a new month, which stores one row", async () => {
    // October has no records: nobody scores; a new month computes afresh.
    const results = await Promise.all(Array.from({ length: 4 }, () => workspaceTeamScores(deps, workspaceId, "2026-10")));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]!.map((s) => s.score)).toEqual([null, null]);
    const november = await workspaceTeamScores(deps, workspaceId, "2026-11");
    expect(november.find((s) => s.teamName === "Billing")?.score).toBeNull();
    expect(await store.db.monthlyTeamScores.count({ where: { workspaceId } })).toBe(2);
  });
});
