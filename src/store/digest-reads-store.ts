// Reads for the weekly digests (dated KPI records, customer kudos, feedback participation, pending requests)
// and the team's digest settings. The reads are plain SQL prepared once per connection (sqlOf): digests run
// them for every team.
import type { AuditEntry } from "../core/shared/audit.ts";
import { audited } from "./audited.ts";
import {
  DEFAULT_TEAM_DIGEST_SETTINGS,
  type CustomerKudosHighlight,
  type DatedKpiRecord,
  type DigestReads,
  type FeedbackParticipation,
  type PendingFeedbackRequest,
  type TeamDigestSettings,
} from "../core/digests/digest-ports.ts";
import type { TimeRange } from "../core/shared/ports.ts";
import { type Db, sqlOf } from "./prisma.ts";
import { partsOfRow, teamKpiDays, teamKudosReceivedIn } from "./rollup-reads.ts";

export class PrismaDigestReads implements DigestReads {
  constructor(private readonly db: Db) {}

  /** From the rollups: one entry per member, metric and day, with that day's sums. */
  async teamRecordsBetween(teamId: string, from: string, toExclusive: string): Promise<DatedKpiRecord[]> {
    const rows = await teamKpiDays(this.db, teamId, from, toExclusive);
    const dates = new Map<number, string>();
    const dateOf = (day: number) => {
      let date = dates.get(day);
      if (date === undefined) {
        date = addDays(from, day);
        dates.set(day, date);
      }
      return date;
    };
    return rows.map((r) => ({ memberId: r.member_id, metric: r.metric, date: dateOf(r.day), ...partsOfRow(r) }));
  }

  async teamKudosReceivedByRange(teamId: string, ranges: TimeRange[]): Promise<Map<string, number>[]> {
    return teamKudosReceivedIn(this.db, teamId, ranges);
  }

  async customerKudos(teamId: string, range: TimeRange, limit: number): Promise<CustomerKudosHighlight[]> {
    // Customer kudos are keyed "customer:<helpdesk>:<rating id>:<member>" (see kpi-ingest-store).
    const rows = await sqlOf(this.db).query<{ display_name: string; platform_user_id: string; reason: string; via: string }>(
      `SELECT m.display_name, m.platform_user_id, k.reason, split_part(k.idempotency_key, ':', 2) AS via
       FROM kudos k JOIN member m ON m.id = k.recipient_id
       WHERE k.team_id = $1::uuid AND k.source = 'customer' AND k.revoked_at IS NULL
         AND k.created_at >= $2::timestamptz AND k.created_at < $3::timestamptz
       ORDER BY k.created_at DESC LIMIT $4::int`,
      [teamId, range.start, range.end, limit],
      { name: "digest_customer_kudos" },
    );
    return rows.map((r) => ({ recipient: { displayName: r.display_name, platformUserId: r.platform_user_id }, comment: r.reason, via: r.via }));
  }

  async feedbackParticipation(teamId: string, range: TimeRange, weekKey: string): Promise<FeedbackParticipation> {
    // Requests opened in the week with the peers they asked, and the week's recognition prompts: one statement.
    const [row] = await sqlOf(this.db).query<{ requests: number; asked: number; answered: number; sent: number; prompts_answered: number }>(
      `SELECT r.requests, r.asked, r.answered, p.sent, p.answered AS prompts_answered
       FROM (SELECT count(DISTINCT r.id)::int AS requests, count(p.id)::int AS asked,
                    count(p.id) FILTER (WHERE p.status = 'answered')::int AS answered
             FROM feedback_request r
             LEFT JOIN feedback_recipient p ON p.request_id = r.id
             WHERE r.team_id = $1::uuid AND r.created_at >= $2::timestamptz AND r.created_at < $3::timestamptz) r,
            (SELECT count(*)::int AS sent,
                    count(*) FILTER (WHERE EXISTS (
                      SELECT 1 FROM kudos k WHERE k.giver_id = rp.member_id AND k.revoked_at IS NULL
                        AND k.created_at >= rp.created_at AND k.created_at < $3::timestamptz))::int AS answered
             FROM recognition_prompt rp
             WHERE rp.team_id = $1::uuid AND rp.week_key = $4 AND rp.dm_ref IS NOT NULL) p`,
      [teamId, range.start, range.end, weekKey],
      { name: "digest_feedback_participation" },
    );
    return { requests: row?.requests ?? 0, asked: row?.asked ?? 0, answered: row?.answered ?? 0, promptsSent: row?.sent ?? 0, promptsAnswered: row?.prompts_answered ?? 0 };
  }

  async pendingFeedbackRequests(teamId: string): Promise<PendingFeedbackRequest[]> {
    const rows = await sqlOf(this.db).query<{ display_name: string; platform_user_id: string; due_at: Date; asked: number; answered: number }>(
      `SELECT s.display_name, s.platform_user_id, r.due_at, count(p.id)::int AS asked,
              count(p.id) FILTER (WHERE p.status = 'answered')::int AS answered
       FROM feedback_request r JOIN member s ON s.id = r.subject_id
       LEFT JOIN feedback_recipient p ON p.request_id = r.id
       WHERE s.team_id = $1::uuid AND r.status = 'open'
       GROUP BY r.id, s.display_name, s.platform_user_id, r.due_at
       ORDER BY r.due_at, s.display_name`,
      [teamId],
      { name: "digest_pending_feedback_requests" },
    );
    return rows.map((r) => ({ subject: { displayName: r.display_name, platformUserId: r.platform_user_id }, dueAt: r.due_at, asked: r.asked, answered: r.answered }));
  }

  async settings(teamId: string): Promise<TeamDigestSettings> {
    const [row] = await sqlOf(this.db).query<{ name_all_movers: boolean }>(`SELECT name_all_movers FROM team_digest_settings WHERE team_id = $1::uuid`, [teamId], {
      name: "digest_team_settings",
    });
    return row ? { nameAllMovers: row.name_all_movers } : { ...DEFAULT_TEAM_DIGEST_SETTINGS };
  }

  async setSettings(teamId: string, settings: TeamDigestSettings, audit: AuditEntry | undefined): Promise<void> {
    await audited(this.db, (tx) => tx.teamDigestSettings.upsert({ where: { teamId }, create: { teamId, ...settings }, update: settings }), audit);
  }
}

/** "2026-11-02" plus `days` days, as YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
