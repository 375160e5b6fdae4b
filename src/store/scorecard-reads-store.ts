// Team-wide reads for scorecards: every member's KPI parts for a period (from the rollups) in one query.
import type { KudosBreakdown, ScorecardReads, TeamKpiRecord } from "../core/kpi/kpi-ports.ts";
import type { Member } from "../core/shared/model.ts";
import type { TimeRange } from "../core/shared/ports.ts";
import { toMember } from "./mappers.ts";
import { teamKpiParts, teamKudosReceivedIn } from "./rollup-reads.ts";
import type { Db } from "./prisma.ts";

export class PrismaScorecardReads implements ScorecardReads {
  constructor(private readonly db: Db) {}

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

  async kudosBreakdown(memberId: string, range: TimeRange): Promise<KudosBreakdown> {
    const [totals, values] = await Promise.all([
      this.db.$queryRaw<{ customer: boolean; n: number; points: number }[]>`
        SELECT source = 'customer' AS customer, count(*)::int AS n, coalesce(sum(points), 0)::int AS points
        FROM kudos WHERE recipient_id = ${memberId}::uuid AND created_at >= ${range.start} AND created_at < ${range.end}
          AND revoked_at IS NULL
        GROUP BY 1`,
      this.db.$queryRaw<{ value: string; count: number }[]>`
        SELECT v AS value, count(*)::int AS count
        FROM kudos, unnest("values") AS v
        WHERE recipient_id = ${memberId}::uuid AND created_at >= ${range.start} AND created_at < ${range.end} AND revoked_at IS NULL
        GROUP BY v ORDER BY count DESC, v LIMIT 3`,
    ]);
    const peer = totals.find((t) => !t.customer);
    const customer = totals.find((t) => t.customer);
    return { peer: { count: peer?.n ?? 0, points: peer?.points ?? 0 }, customer: { count: customer?.n ?? 0 }, topValues: values };
  }
}
