// Team-wide reads for scorecards: every member's KPI parts for a period (from the rollups) in one query.
import type { ScorecardFacts, ScorecardFactsQuery, ScorecardReads, TeamKpiRecord } from "../core/kpi/kpi-ports.ts";
import type { Member } from "../core/shared/model.ts";
import type { TimeRange } from "../core/shared/ports.ts";
import { toMember } from "./mappers.ts";
import { teamKpiParts, teamKudosReceivedIn } from "./rollup-reads.ts";
import { readScorecardFacts } from "./scorecard-facts-store.ts";
import type { Db } from "./prisma.ts";

export class PrismaScorecardReads implements ScorecardReads {
  constructor(private readonly db: Db) {}

  scorecardFacts(q: ScorecardFactsQuery): Promise<ScorecardFacts> {
    return readScorecardFacts(this.db, q);
  }

  async teamMembers(teamId: string, during?: { range: TimeRange; from: string; toExclusive: string }): Promise<Member[]> {
    const then = during
      ? [
          { kudosReceived: { some: { teamId, createdAt: { gte: during.range.start, lt: during.range.end } } } },
          { kpiRecords: { some: { teamId, periodDate: { gte: new Date(`${during.from}T00:00:00Z`), lt: new Date(`${during.toExclusive}T00:00:00Z`) } } } },
        ]
      : [];
    const rows = await this.db.member.findMany({ where: { isBot: false, isDeactivated: false, OR: [{ teamId }, ...then] } });
    return rows.map(toMember);
  }

  /** From the rollups: one row per member and metric with the sums of its days. */
  async teamRecords(teamId: string, from: string, toExclusive: string): Promise<TeamKpiRecord[]> {
    return teamKpiParts(this.db, teamId, from, toExclusive);
  }

  async teamKudosReceived(teamId: string, range: TimeRange): Promise<Map<string, number>> {
    const [received] = await teamKudosReceivedIn(this.db, teamId, [range]);
    return received ?? new Map();
  }
}
