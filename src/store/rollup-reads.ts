// Reads of the daily rollups (kpi_day, kudos_day; see the migration rollups) that scorecards, digests and
// awards compute from instead of raw rows; plain SQL, prepared once per connection.
import type { KpiParts } from "../core/kpi/kpi-math.ts";
import type { TimeRange } from "../core/shared/ports.ts";
import { type Db, sqlOf } from "./prisma.ts";
import { windowArrays } from "./rollup-range.ts";

interface PartsRow {
  member_id: string;
  metric: string;
  observations: number;
  value_sum: number;
  ratio_numerator: number;
  ratio_denominator: number;
  weighted_sum: number;
  weight_sum: number;
  vals: number[] | null;
}

export const partsOfRow = (r: PartsRow): KpiParts => ({
  kind: "parts",
  observations: r.observations,
  valueSum: r.value_sum,
  ratioNumerator: r.ratio_numerator,
  ratioDenominator: r.ratio_denominator,
  weightedSum: r.weighted_sum,
  weightSum: r.weight_sum,
  values: r.vals,
});

/** Each member's parts per metric over [from, toExclusive) (local dates) for the team the records were stored for. */
export async function teamKpiParts(db: Db, teamId: string, from: string, toExclusive: string): Promise<(KpiParts & { memberId: string; metric: string })[]> {
  const rows = await sqlOf(db).query<PartsRow>(
    `SELECT member_id::text AS member_id, metric, sum(observations)::int AS observations, sum(value_sum) AS value_sum,
            sum(ratio_numerator) AS ratio_numerator, sum(ratio_denominator) AS ratio_denominator,
            sum(weighted_sum) AS weighted_sum, sum(weight_sum) AS weight_sum, spur_array_cat(vals) AS vals
     FROM kpi_day
     WHERE team_id = $1::uuid AND day >= $2::date AND day < $3::date
     GROUP BY member_id, metric`,
    [teamId, from, toExclusive],
    { name: "team_kpi_parts" },
  );
  return rows.map((r) => ({ memberId: r.member_id, metric: r.metric, ...partsOfRow(r) }));
}

/** Each day's parts per member and metric over [from, toExclusive): `day` counts days from `from`. */
export async function teamKpiDays(db: Db, teamId: string, from: string, toExclusive: string): Promise<(PartsRow & { day: number })[]> {
  return sqlOf(db).query<PartsRow & { day: number }>(
    `SELECT member_id::text AS member_id, metric, day - $2::date AS day, observations, value_sum, ratio_numerator,
            ratio_denominator, weighted_sum, weight_sum, vals
     FROM kpi_day
     WHERE team_id = $1::uuid AND day >= $2::date AND day < $3::date`,
    [teamId, from, toExclusive],
    { name: "team_kpi_days" },
  );
}

/**
 * The live kudos received in team `team` (a parameter, "$1") within window `w` (s, a, b, e, d0, d1; see
 * RollupRange): kudos_day's whole days (count, points) and the raw kudos of the edges (1, points), per recipient.
 */
export function receivedInWindow(team: string): string {
  return `SELECT d.member_id, d.count AS n, d.points FROM kudos_day d
    WHERE d.team_id = ${team}::uuid AND d.received AND d.day >= w.d0 AND d.day < w.d1
    UNION ALL
    SELECT k.recipient_id, 1, k.points FROM kudos k
    WHERE k.team_id = ${team}::uuid AND k.revoked_at IS NULL
      AND ((k.created_at >= w.s AND k.created_at < w.a) OR (k.created_at >= w.b AND k.created_at < w.e))`;
}

/**
 * Live kudos (peer and customer) received in the team, per member and range, in the order given: whole UTC
 * days from kudos_day, the edges of each range from raw kudos.
 */
export async function teamKudosReceivedIn(db: Db, teamId: string, ranges: TimeRange[]): Promise<Map<string, number>[]> {
  const out = ranges.map(() => new Map<string, number>());
  if (ranges.length === 0) return out;
  const rows = await sqlOf(db).query<{ idx: string; member_id: string; n: number }>(
    `SELECT w.idx, x.member_id::text AS member_id, sum(x.n)::int AS n
     FROM unnest($2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::date[], $7::date[])
          WITH ORDINALITY AS w(s, a, b, e, d0, d1, idx)
     CROSS JOIN LATERAL (${receivedInWindow("$1")}) x
     GROUP BY w.idx, x.member_id`,
    [teamId, ...windowArrays(ranges)],
    { name: "team_kudos_received_in" },
  );
  for (const r of rows) out[Number(r.idx) - 1]?.set(r.member_id, r.n);
  return out;
}
