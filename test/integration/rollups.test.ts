// The rollups (kpi_day, kudos_day) kept by triggers over real PostgreSQL: after inserts, upserts, corrections,
// late records, revokes, a member forgotten and a team removed, they equal a recompute from raw data
// (spur_rebuild_rollups, what `npm run rollups:rebuild` runs); the median metrics keep their values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { METRICS } from "../../src/core/kpi/kpi-catalogue.ts";
import { PrismaRollups } from "../../src/store/rollups-store.ts";
import { openTestStore, seedTeam, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let workspaceId: string;
let teamId: string;
let members: string[];

const KPI_DAY = `SELECT member_id, team_id, metric, day::text, observations, round(value_sum::numeric, 6) AS value_sum,
  round(ratio_numerator::numeric, 6) AS rn, round(ratio_denominator::numeric, 6) AS rd, round(weighted_sum::numeric, 6) AS ws,
  round(weight_sum::numeric, 6) AS wsum, (SELECT array_agg(v ORDER BY v) FROM unnest(vals) v) AS vals
  FROM kpi_day ORDER BY member_id, metric, day, team_id`;
const KUDOS_DAY = `SELECT member_id, team_id, day::text, received, customer, count, points FROM kudos_day
  ORDER BY member_id, received, customer, day, team_id`;

async function snapshot() {
  const [kpi, kudos] = await Promise.all([store.db.$queryRawUnsafe<unknown[]>(KPI_DAY), store.db.$queryRawUnsafe<unknown[]>(KUDOS_DAY)]);
  return { kpi, kudos };
}

/** What the triggers left, then what a recompute from raw rows gives: the two must be the same. */
async function expectRollupsAgree() {
  const kept = await snapshot();
  await new PrismaRollups(store.db).rebuild();
  expect(kept).toEqual(await snapshot());
  return kept;
}

async function kudos(giver: string | null, recipient: string, at: string, points: number, key: string, source = "slash_command") {
  await store.db.$executeRawUnsafe(
    `INSERT INTO kudos (gift_id, workspace_id, team_id, giver_id, recipient_id, points, reason, source, idempotency_key, created_at)
     VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, 'r', $6::"KudosSource", $7, $8::timestamptz)`,
    workspaceId, teamId, giver, recipient, points, source, key, at,
  );
}

beforeAll(async () => {
  store = await openTestStore();
  const seeded = await seedTeam(store.db, 3, "T-ROLLUPS");
  workspaceId = seeded.workspace.id;
  teamId = seeded.team.id;
  members = seeded.members.map((m) => m.id);
});
afterAll(async () => {
  await store?.close();
});

describe("rollups", () => {
  it("keep values for exactly the catalogue's median metrics", async () => {
    const rows = await store.db.$queryRawUnsafe<{ metric: string; keeps: boolean }[]>(
      `SELECT m AS metric, spur_kpi_keeps_values(m) AS keeps FROM unnest($1::text[]) m`,
      [...METRICS.keys()],
    );
    expect(rows.filter((r) => r.keeps).map((r) => r.metric).sort()).toEqual([...METRICS.values()].filter((d) => d.aggregation === "median").map((d) => d.code).sort());
  });

  it("add a statement's KPI records as one upsert, and sum a second statement into the same day", async () => {
    const [a, b] = members as [string, string];
    await store.db.kpiRecord.createMany({
      data: [
        { memberId: a, metric: "csat", periodDate: new Date("2026-11-03"), value: 75, numerator: 3, denominator: 4, source: "t", ref: "1" },
        { memberId: a, metric: "csat", periodDate: new Date("2026-11-03"), value: 50, numerator: 1, denominator: 2, source: "t", ref: "2" },
        { memberId: a, metric: "first_response_time", periodDate: new Date("2026-11-03"), value: 12, source: "t", ref: "3" },
        { memberId: a, metric: "first_response_time", periodDate: new Date("2026-11-03"), value: 4, source: "t", ref: "4" },
        { memberId: b, metric: "qa_score", periodDate: new Date("2026-11-04"), value: 90, denominator: 2, source: "t", ref: "5" },
      ],
    });
    await store.db.kpiRecord.create({ data: { memberId: a, metric: "csat", periodDate: new Date("2026-11-03"), value: 100, numerator: 5, denominator: 5, source: "t", ref: "6" } });
    const { kpi } = await expectRollupsAgree();
    const csat = (kpi as { member_id: string; metric: string; observations: number; rn: string; rd: string; vals: number[] | null }[]).find((r) => r.member_id === a && r.metric === "csat");
    expect(csat).toMatchObject({ observations: 3, vals: null });
    expect(Number(csat?.rn)).toBe(9);
    expect(Number(csat?.rd)).toBe(11);
    const frt = (kpi as { member_id: string; metric: string; vals: number[] | null }[]).find((r) => r.member_id === a && r.metric === "first_response_time");
    expect(frt?.vals).toEqual([4, 12]);
  });

  it("follow corrections (upserts), late records, deletions and a record moved to another day", async () => {
    const [a, , c] = members as [string, string, string];
    // A correction through the import's upsert: ON CONFLICT DO UPDATE is an update of the raw row.
    await store.db.$executeRawUnsafe(
      `INSERT INTO kpi_record (member_id, metric, period_date, value, numerator, denominator, source, ref, updated_at)
       VALUES ($1::uuid, 'csat', '2026-11-03', 0, 0, 4, 't', '1', now()), ($1::uuid, 'csat', '2026-10-01', 100, 2, 2, 't', 'late', now())
       ON CONFLICT (member_id, metric, period_date, source, ref) DO UPDATE SET value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator`,
      a,
    );
    await store.db.kpiRecord.deleteMany({ where: { memberId: a, metric: "first_response_time", ref: "4" } });
    await store.db.kpiRecord.create({ data: { memberId: c, metric: "resolution_time", periodDate: new Date("2026-11-05"), value: 7, source: "t", ref: "7" } });
    await store.db.kpiRecord.updateMany({ where: { memberId: c, ref: "7" }, data: { periodDate: new Date("2026-11-06") } });
    const { kpi } = await expectRollupsAgree();
    const rows = kpi as { member_id: string; metric: string; day: string; observations: number; vals: number[] | null }[];
    expect(rows.find((r) => r.member_id === a && r.metric === "first_response_time")?.vals).toEqual([12]);
    expect(rows.filter((r) => r.member_id === c).map((r) => r.day)).toEqual(["2026-11-06"]);
    expect(rows.filter((r) => r.member_id === a && r.metric === "csat").map((r) => r.day)).toEqual(["2026-10-01", "2026-11-03"]);
  });

  it("count live kudos received and given per UTC day, and follow revokes; a shoutout posted changes nothing", async () => {
    const [a, b, c] = members as [string, string, string];
    await kudos(a, b, "2026-11-03T23:59:59Z", 2, "k1");
    await kudos(a, b, "2026-11-04T00:00:00Z", 3, "k2");
    await kudos(c, b, "2026-11-04T10:00:00Z", 1, "k3");
    await kudos(null, b, "2026-11-04T11:00:00Z", 1, "k4", "customer");
    await store.db.kudos.updateMany({ where: { idempotencyKey: "k3" }, data: { revokedAt: new Date("2026-11-05T00:00:00Z") } });
    await store.db.kudos.updateMany({ where: { idempotencyKey: "k2" }, data: { shoutoutRef: "C1:1.2" } });
    const { kudos: rows } = await expectRollupsAgree();
    const received = (rows as { member_id: string; day: string; received: boolean; customer: boolean; count: number; points: number }[]).filter((r) => r.member_id === b);
    expect(received.map((r) => [r.day, r.customer, r.count, r.points])).toEqual([
      ["2026-11-03", false, 1, 2],
      ["2026-11-04", false, 1, 3],
      ["2026-11-04", true, 1, 1],
    ]);
    const given = (rows as { member_id: string; received: boolean; count: number }[]).filter((r) => r.member_id === a && !r.received);
    expect(given.map((r) => r.count)).toEqual([1, 1]);
  });

  it("drop a forgotten member's rows and keep the others' right", async () => {
    const [a, b] = members as [string, string];
    await store.db.member.delete({ where: { id: a } });
    const { kpi, kudos: rows } = await expectRollupsAgree();
    expect((kpi as { member_id: string }[]).some((r) => r.member_id === a)).toBe(false);
    // b still has what a gave (the kudos stay, their giver is gone).
    expect((rows as { member_id: string; received: boolean; count: number }[]).filter((r) => r.member_id === b && r.received).reduce((s, r) => s + r.count, 0)).toBe(3);
  });

  it("follow a team removed (its records keep no team; its kudos go)", async () => {
    const other = await store.db.team.create({ data: { workspaceId, name: "Gone" } });
    const m = await store.db.member.create({ data: { workspaceId, teamId: other.id, platformUserId: "UGONE", displayName: "gone" } });
    await store.db.kpiRecord.create({ data: { memberId: m.id, metric: "tickets_handled", periodDate: new Date("2026-11-07"), value: 5, source: "t", ref: "g" } });
    await store.db.team.delete({ where: { id: other.id } });
    const { kpi } = await expectRollupsAgree();
    expect((kpi as { member_id: string; team_id: string | null }[]).filter((r) => r.member_id === m.id).map((r) => r.team_id)).toEqual([null]);
  });
});
