// The targets a member is scored against: their team's, with their level's overrides. A level's override
// replaces the team target's figure and weight for that KPI and keeps its period and minimum volume; a KPI the
// team does not target is scored on the level's own, per month. Scorecards, digests, leaderboards and awards
// all score members with these.
import type { KpiTarget, MemberLevel } from "./kpi-ports.ts";

export type { LevelTarget, MemberLevel } from "./kpi-ports.ts";

export interface EffectiveTarget extends KpiTarget {
  /** The level whose override this is ("Senior target"); null for the team's own. */
  fromLevel: string | null;
}

/** The period of a level's target for a KPI its member's team does not target. */
export const LEVEL_ONLY_PERIOD = "month" as const;

export function effectiveTargets(team: readonly KpiTarget[], level: MemberLevel | null | undefined): EffectiveTarget[] {
  const overrides = new Map((level?.targets ?? []).map((t) => [t.metric, t]));
  const out: EffectiveTarget[] = team.map((t) => {
    const o = overrides.get(t.metric);
    return o && level ? { ...t, target: o.target, weight: o.weight, fromLevel: level.name } : { ...t, fromLevel: null };
  });
  for (const o of overrides.values()) {
    if (level && !team.some((t) => t.metric === o.metric)) out.push({ ...o, period: LEVEL_ONLY_PERIOD, minVolume: null, fromLevel: level.name });
  }
  return out;
}

/** Reads of the targets members are scored against. */
export interface ScoringTargetReads {
  forTeam(teamId: string): Promise<KpiTarget[]>;
  /** The levels (with their overrides) of those of these members who hold one. */
  levelsOf(memberIds: readonly string[]): Promise<Map<string, MemberLevel>>;
  /** Both at once (one read): the team's targets and the levels of those of these members who hold one. */
  scoringTargets(teamId: string, memberIds: readonly string[]): Promise<{ team: KpiTarget[]; levels: Map<string, MemberLevel> }>;
}

/** A team's targets, and each member's effective ones. */
export interface ScoringTargets {
  team: KpiTarget[];
  levelOf(memberId: string): MemberLevel | null;
  of(memberId: string): EffectiveTarget[];
}

export function scoringTargetsOf(team: KpiTarget[], levels: ReadonlyMap<string, MemberLevel>): ScoringTargets {
  const cache = new Map<string, EffectiveTarget[]>();
  return {
    team,
    levelOf: (memberId) => levels.get(memberId) ?? null,
    of(memberId) {
      let targets = cache.get(memberId);
      if (!targets) cache.set(memberId, (targets = effectiveTargets(team, levels.get(memberId))));
      return targets;
    },
  };
}

export async function loadScoringTargets(deps: { kpiTargets: ScoringTargetReads }, teamId: string, memberIds: readonly string[]): Promise<ScoringTargets> {
  const { team, levels } = await deps.kpiTargets.scoringTargets(teamId, [...new Set(memberIds)]);
  return scoringTargetsOf(team, levels);
}
