// A scorecard's facts in one statement: the team's members, targets and levels, every member's KPI parts for
// both periods (from kpi_day), kudos received per member (kudos_day for whole UTC days, raw kudos for the
// edges), the subject's kudos totals, breakdown and top values, and the subject's first records. Plain SQL
// (sqlOf), prepared once per connection: no per-call query compilation or planning.
import { isMetricCode } from "../core/kpi/kpi-catalogue.ts";
import type { KudosBreakdown, MemberLevel, ScorecardFacts, ScorecardFactsQuery, ScorecardPeriodFacts } from "../core/kpi/kpi-ports.ts";
import type { KpiTarget } from "../core/kpi/kpi-ports.ts";
import type { Member, Role } from "../core/shared/model.ts";
import { isPeriodKind } from "../core/shared/review-period.ts";
import { type Db, sqlOf } from "./prisma.ts";
import { rollupRange } from "./rollup-range.ts";
import { receivedInWindow } from "./rollup-reads.ts";

interface FactsRow {
  members: { id: string; w: string; t: string | null; p: string; n: string; h: string | null; l: string | null; r: string; pr: boolean }[] | null;
  targets: { metric: string; target: number; weight: number; period: string; min_volume: number | null }[] | null;
  levels: { member_id: string; level_id: string; name: string; targets: { metric: string; target: number; weight: number }[] | null }[] | null;
  observations: { metric: string; date: string; value: number; source: string }[] | null;
  parts: { now: boolean; m: string; k: string; o: number; vs: number; rn: number; rd: number; ws: number; wt: number; v: number[] | null }[] | null;
  team_kudos: { now: boolean; m: string; n: number }[] | null;
  subject: { now: boolean; customer: boolean; received: boolean; n: number; points: number }[] | null;
  top_values: { now: boolean; value: string; n: number }[] | null;
}

const TOP_VALUES = 3;

const FACTS_SQL = `
    WITH team_members AS (
      SELECT id, workspace_id, team_id, platform_user_id, display_name, handle, locale, role, provisional, level_id
      FROM member WHERE team_id = $1::uuid AND NOT is_bot AND NOT is_deactivated),
    scored AS (SELECT id, level_id FROM team_members UNION SELECT id, level_id FROM member WHERE id = $2::uuid),
    parts AS (
      SELECT d.day >= $3::date AS now, d.member_id, d.metric, sum(d.observations)::int AS o, sum(d.value_sum) AS vs,
             sum(d.ratio_numerator) AS rn, sum(d.ratio_denominator) AS rd, sum(d.weighted_sum) AS ws, sum(d.weight_sum) AS wt,
             spur_array_cat(d.vals) AS v
      FROM kpi_day d
      WHERE d.team_id = $1::uuid
        AND ((d.day >= $3::date AND d.day < $4::date)
          OR (d.day >= $5::date AND d.day < $6::date))
      GROUP BY 1, 2, 3),
    windows(now, s, a, b, e, d0, d1) AS (VALUES
      (true, $7::timestamptz, $8::timestamptz, $9::timestamptz, $10::timestamptz, $11::date, $12::date),
      (false, $13::timestamptz, $14::timestamptz, $15::timestamptz, $16::timestamptz, $17::date, $18::date)),
    team_kudos AS (
      SELECT w.now, x.member_id AS m, sum(x.n)::int AS n
      FROM windows w CROSS JOIN LATERAL (${receivedInWindow("$1")}) x
      GROUP BY 1, 2),
    subject_kudos AS (
      SELECT k.created_at >= $19::timestamptz AS now, k.recipient_id = $2::uuid AS received,
             k.source = 'customer' AS customer, k.points, k."values"
      FROM kudos k
      WHERE (k.recipient_id = $2::uuid OR k.giver_id = $2::uuid) AND k.revoked_at IS NULL
        AND ((k.created_at >= $19::timestamptz AND k.created_at < $20::timestamptz)
          OR (k.created_at >= $21::timestamptz AND k.created_at < $22::timestamptz))),
    top_values AS (
      SELECT now, value, n FROM (
        SELECT now, v AS value, count(*)::int AS n, row_number() OVER (PARTITION BY now ORDER BY count(*) DESC, v) AS place
        FROM subject_kudos, unnest("values") AS v WHERE received GROUP BY now, v) t
      WHERE place <= $24::int)
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'w', workspace_id, 't', team_id, 'p', platform_user_id, 'n', display_name,
              'h', handle, 'l', locale, 'r', role, 'pr', provisional)) FROM team_members) AS members,
      (SELECT json_agg(json_build_object('metric', metric, 'target', target, 'weight', weight, 'period', period, 'min_volume', min_volume) ORDER BY metric)
         FROM kpi_target WHERE team_id = $1::uuid) AS targets,
      (SELECT json_agg(json_build_object('member_id', s.id, 'level_id', l.id, 'name', l.name, 'targets',
              (SELECT json_agg(json_build_object('metric', lt.metric, 'target', lt.target, 'weight', lt.weight) ORDER BY lt.metric)
               FROM level_target lt WHERE lt.level_id = l.id)))
         FROM scored s JOIN level l ON l.id = s.level_id) AS levels,
      (SELECT json_agg(o) FROM (
         SELECT metric, period_date::text AS date, value, source FROM kpi_record
         WHERE member_id = $2::uuid AND period_date >= $3::date AND period_date < $4::date
         ORDER BY metric, period_date, source LIMIT $23::int) o) AS observations,
      (SELECT json_agg(json_build_object('now', now, 'm', member_id, 'k', metric, 'o', o, 'vs', vs, 'rn', rn, 'rd', rd, 'ws', ws, 'wt', wt, 'v', v)) FROM parts) AS parts,
      (SELECT json_agg(t) FROM team_kudos t) AS team_kudos,
      (SELECT json_agg(s) FROM (SELECT now, customer, received, count(*)::int AS n, coalesce(sum(points), 0)::int AS points
         FROM subject_kudos GROUP BY 1, 2, 3) s) AS subject,
      (SELECT json_agg(t ORDER BY now, n DESC, value) FROM top_values t) AS top_values`;

export async function readScorecardFacts(db: Db, q: ScorecardFactsQuery): Promise<ScorecardFacts> {
  const now = rollupRange(q.current.range);
  const before = rollupRange(q.previous.range);
  const [row] = await sqlOf(db).query<FactsRow>(
    FACTS_SQL,
    [
      q.teamId, q.subjectId, q.current.from, q.current.toExclusive, q.previous.from, q.previous.toExclusive,
      now.start, now.fullStart, now.fullEnd, now.end, now.fromDay, now.toDay,
      before.start, before.fullStart, before.fullEnd, before.end, before.fromDay, before.toDay,
      q.current.range.start, q.current.range.end, q.previous.range.start, q.previous.range.end, q.listed, TOP_VALUES,
    ],
    { name: "scorecard_facts" },
  );
  if (!row) throw new Error("the scorecard facts statement returned no row");

  const members: Member[] = (row.members ?? []).map((m) => ({
    id: m.id, workspaceId: m.w, teamId: m.t, platformUserId: m.p, displayName: m.n, handle: m.h, locale: m.l,
    role: m.r as Role, isBot: false, isDeactivated: false, provisional: m.pr,
  }));
  const teamTargets: KpiTarget[] = (row.targets ?? []).flatMap((t) =>
    isMetricCode(t.metric) ? [{ metric: t.metric, target: t.target, weight: t.weight, period: isPeriodKind(t.period) ? t.period : "month", minVolume: t.min_volume }] : [],
  );
  const levels = new Map<string, MemberLevel>(
    (row.levels ?? []).map((l) => [
      l.member_id,
      { levelId: l.level_id, name: l.name, targets: (l.targets ?? []).flatMap((t) => (isMetricCode(t.metric) ? [{ metric: t.metric, target: t.target, weight: t.weight }] : [])) },
    ]),
  );
  const period = (isNow: boolean): ScorecardPeriodFacts => {
    const subject = (row.subject ?? []).filter((s) => s.now === isNow);
    const sum = (rows: typeof subject) => ({ count: rows.reduce((a, r) => a + r.n, 0), points: rows.reduce((a, r) => a + r.points, 0) });
    const received: KudosBreakdown = {
      peer: sum(subject.filter((s) => s.received && !s.customer)),
      customer: { count: sum(subject.filter((s) => s.received && s.customer)).count },
      topValues: (row.top_values ?? []).filter((t) => t.now === isNow).map((t) => ({ value: t.value, count: t.n })),
    };
    return {
      records: (row.parts ?? []).filter((p) => p.now === isNow).map((p) => ({
        memberId: p.m, metric: p.k, kind: "parts" as const, observations: p.o, valueSum: p.vs, ratioNumerator: p.rn,
        ratioDenominator: p.rd, weightedSum: p.ws, weightSum: p.wt, values: p.v,
      })),
      teamKudos: new Map((row.team_kudos ?? []).filter((t) => t.now === isNow).map((t) => [t.m, t.n])),
      totals: { received: sum(subject.filter((s) => s.received)), given: sum(subject.filter((s) => !s.received)) },
      received,
    };
  };
  return {
    members,
    teamTargets,
    levels,
    observations: (row.observations ?? []).map((o) => ({ metric: o.metric, periodDate: o.date, value: o.value, source: o.source })),
    current: period(true),
    previous: period(false),
  };
}
