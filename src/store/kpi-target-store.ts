import { isMetricCode } from "../core/kpi/kpi-catalogue.ts";
import type { KpiTarget, KpiTargetRepository } from "../core/kpi/kpi-ports.ts";
import type { MetricCode } from "../core/kpi/kpi-catalogue.ts";
import type { AuditEntry } from "../core/shared/audit.ts";
import type { MemberLevel } from "../core/kpi/effective-targets.ts";
import { isPeriodKind } from "../core/shared/review-period.ts";
import { audited, type Tx } from "./audited.ts";
import { type Db, sqlOf } from "./prisma.ts";

interface TeamTargetRow {
  metric: string;
  target: number;
  weight: number;
  period: string;
  min_volume: number | null;
}

/** A member's level and one of its overrides (metric, target, weight null for a level without any). */
interface LevelTargetRow {
  member_id: string;
  level_id: string;
  name: string;
  metric: string | null;
  target: number | null;
  weight: number | null;
}

const TEAM_TARGETS_SQL = `SELECT metric, target, weight, period, min_volume FROM kpi_target WHERE team_id = $1::uuid ORDER BY metric`;

const LEVEL_TARGETS_SQL = `
  SELECT m.id::text AS member_id, l.id::text AS level_id, l.name, lt.metric, lt.target, lt.weight
  FROM member m JOIN level l ON l.id = m.level_id LEFT JOIN level_target lt ON lt.level_id = l.id
  WHERE m.id = ANY($1::uuid[])
  ORDER BY m.id, lt.metric`;

/** Both in one statement: `team` rows (level columns null) then `level` rows (team-target columns null). */
const SCORING_TARGETS_SQL = `
  SELECT 'team' AS kind, NULL::text AS member_id, NULL::text AS level_id, NULL::text AS name, metric, target, weight, period, min_volume
  FROM kpi_target WHERE team_id = $1::uuid
  UNION ALL
  SELECT 'level', m.id::text, l.id::text, l.name, lt.metric, lt.target, lt.weight, NULL, NULL
  FROM member m JOIN level l ON l.id = m.level_id LEFT JOIN level_target lt ON lt.level_id = l.id
  WHERE m.id = ANY($2::uuid[])
  ORDER BY member_id, metric`;

const teamTargetsOf = (rows: readonly TeamTargetRow[]): KpiTarget[] =>
  rows.flatMap((r) =>
    isMetricCode(r.metric) ? [{ metric: r.metric, target: r.target, weight: r.weight, period: isPeriodKind(r.period) ? r.period : "month", minVolume: r.min_volume }] : [],
  );

function levelsOfRows(rows: readonly LevelTargetRow[]): Map<string, MemberLevel> {
  const levels = new Map<string, MemberLevel>();
  for (const r of rows) {
    let level = levels.get(r.member_id);
    if (!level) levels.set(r.member_id, (level = { levelId: r.level_id, name: r.name, targets: [] }));
    if (r.metric !== null && r.target !== null && r.weight !== null && isMetricCode(r.metric)) level.targets.push({ metric: r.metric, target: r.target, weight: r.weight });
  }
  return levels;
}

async function upsertTarget(tx: Tx, teamId: string, t: KpiTarget, updatedById: string): Promise<void> {
  const data = { target: t.target, weight: t.weight, period: t.period, minVolume: t.minVolume, updatedById };
  await tx.kpiTarget.upsert({ where: { teamId_metric: { teamId, metric: t.metric } }, create: { teamId, metric: t.metric, ...data }, update: data });
}

export class PrismaKpiTargetStore implements KpiTargetRepository {
  constructor(private readonly db: Db) {}

  // The reads are plain SQL, prepared once per connection: digests, awards and scorecards run them for every team.
  async forTeam(teamId: string): Promise<KpiTarget[]> {
    return teamTargetsOf(await sqlOf(this.db).query<TeamTargetRow>(TEAM_TARGETS_SQL, [teamId], { name: "kpi_team_targets" }));
  }

  async levelsOf(memberIds: readonly string[]): Promise<Map<string, MemberLevel>> {
    if (memberIds.length === 0) return new Map();
    return levelsOfRows(await sqlOf(this.db).query<LevelTargetRow>(LEVEL_TARGETS_SQL, [[...memberIds]], { name: "kpi_member_levels" }));
  }

  async scoringTargets(teamId: string, memberIds: readonly string[]): Promise<{ team: KpiTarget[]; levels: Map<string, MemberLevel> }> {
    const rows = await sqlOf(this.db).query<TeamTargetRow & LevelTargetRow & { kind: "team" | "level" }>(SCORING_TARGETS_SQL, [teamId, [...memberIds]], {
      name: "kpi_scoring_targets",
    });
    return { team: teamTargetsOf(rows.filter((r) => r.kind === "team")), levels: levelsOfRows(rows.filter((r) => r.kind === "level")) };
  }

  async set(teamId: string, t: KpiTarget, updatedById: string): Promise<void> {
    await upsertTarget(this.db, teamId, t, updatedById);
  }

  async change(teamId: string, change: { set: KpiTarget[]; remove: MetricCode[] }, updatedById: string, audit: AuditEntry[]): Promise<MetricCode[]> {
    return audited(
      this.db,
      async (tx) => {
        for (const target of change.set) await upsertTarget(tx, teamId, target, updatedById);
        const removed: MetricCode[] = [];
        for (const metric of change.remove) if ((await tx.kpiTarget.deleteMany({ where: { teamId, metric } })).count > 0) removed.push(metric);
        return removed;
      },
      () => audit,
    );
  }
}
