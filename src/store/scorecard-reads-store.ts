// Team-wide reads for scorecards: every member's KPI parts for a period (from the rollups) in one query.
import type { ScorecardFacts, ScorecardFactsQuery, ScorecardReads, TeamKpiRecord } from "../core/kpi/kpi-ports.ts";
import type { Member } from "../core/shared/model.ts";
import type { TimeRange } from "../core/shared/ports.ts";
import { MEMBER_COLUMNS, memberOfRow, type MemberSqlRow } from "./mappers.ts";
import { teamKpiParts, teamKudosReceivedIn } from "./rollup-reads.ts";
import { readScorecardFacts } from "./scorecard-facts-store.ts";
import { type Db, sqlOf } from "./prisma.ts";

export class PrismaScorecardReads implements ScorecardReads {
  constructor(private readonly db: Db) {}

  scorecardFacts(q: ScorecardFactsQuery): Promise<ScorecardFacts> {
    return readScorecardFacts(this.db, q);
  }

  /**
   * Plain SQL, prepared once per connection. Who was in the team then comes from the rollups' (team, day)
   * indexes (kpi_day) and kudos' (team_id, created_at): a team's own rows, not every member's.
   */
  async teamMembers(teamId: string, during?: { range: TimeRange; from: string; toExclusive: string }): Promise<Member[]> {
    const sql = sqlOf(this.db);
    const rows = during
      ? await sql.query<MemberSqlRow>(
          `SELECT ${MEMBER_COLUMNS} FROM member m
           WHERE NOT m.is_bot AND NOT m.is_deactivated
             AND (m.team_id = $1::uuid
               OR m.id IN (SELECT recipient_id FROM kudos WHERE team_id = $1::uuid AND created_at >= $2::timestamptz AND created_at < $3::timestamptz)
               OR m.id IN (SELECT member_id FROM kpi_day WHERE team_id = $1::uuid AND day >= $4::date AND day < $5::date))`,
          [teamId, during.range.start, during.range.end, during.from, during.toExclusive],
          { name: "team_members_during" },
        )
      : await sql.query<MemberSqlRow>(`SELECT ${MEMBER_COLUMNS} FROM member m WHERE m.team_id = $1::uuid AND NOT m.is_bot AND NOT m.is_deactivated`, [teamId], {
          name: "team_members",
        });
    return rows.map(memberOfRow);
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
