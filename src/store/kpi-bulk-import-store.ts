// A bulk KPI import near COPY speed: the checked records are streamed with COPY into a temporary table (not
// WAL-logged, dropped with the transaction), members are resolved there with one join, and one INSERT … SELECT
// upserts the lot, sorted by kpi_record's unique key. It all happens in one transaction on one connection, so a
// refused file or a failure leaves nothing behind.
import { once } from "node:events";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { KpiBulkImport, KpiImportSession, MemberRef, StagedKpiRecord, UnknownMember, UpsertCounts } from "../core/kpi/kpi-ports.ts";
import { UPSERT_CHANGED } from "./kpi-ingest-store.ts";
import { type Db, poolOf } from "./prisma.ts";

const STAGE = `CREATE TEMP TABLE kpi_import_stage (
  line int NOT NULL, email text, member_id uuid, helpdesk text, agent_id text, metric text NOT NULL, period_date date NOT NULL,
  value float8 NOT NULL, numerator float8, denominator float8, source text NOT NULL, ref text NOT NULL) ON COMMIT DROP`;

/** Each staged line with the member it names, or NULL: by email (case-insensitive), by id, or by helpdesk agent. */
const RESOLVED = `
  SELECT s.*, coalesce(e.id, i.id, a.member_id) AS resolved_id
  FROM kpi_import_stage s
  LEFT JOIN (SELECT DISTINCT ON (lower(email)) lower(email) AS email, id FROM member
             WHERE workspace_id = $1::uuid AND email IS NOT NULL AND NOT is_bot ORDER BY lower(email), id) e ON e.email = s.email
  LEFT JOIN member i ON i.id = s.member_id AND i.workspace_id = $1::uuid AND NOT i.is_bot
  LEFT JOIN helpdesk_agent a ON a.workspace_id = $1::uuid AND a.provider = s.helpdesk AND a.external_id = s.agent_id`;

// The later line of a record staged twice wins, as if the lines were sent one after the other. Unchanged records
// are skipped by the WHERE clause, so a re-imported file touches nothing and says so. team_id is left to the
// kpi_record_team trigger.
const UPSERT = `
  WITH latest AS (
    SELECT DISTINCT ON (resolved_id, metric, period_date, source, ref) *
    FROM (${RESOLVED}) r WHERE resolved_id IS NOT NULL
    ORDER BY resolved_id, metric, period_date, source, ref, line DESC
  ), written AS (
    INSERT INTO kpi_record (member_id, metric, period_date, value, numerator, denominator, source, ref, updated_at)
    SELECT resolved_id, metric, period_date, value, numerator, denominator, source, ref, now() FROM latest
    ${UPSERT_CHANGED}
    RETURNING (xmax = 0) AS inserted
  )
  SELECT (SELECT count(*) FROM latest)::int AS records, count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written
  FROM written`;

const UNKNOWN = `
  SELECT line, email, member_id::text AS member_id, helpdesk, agent_id, count(*) OVER ()::int AS count
  FROM (${RESOLVED}) r WHERE resolved_id IS NULL ORDER BY line LIMIT $2`;

export class PrismaKpiBulkImport implements KpiBulkImport {
  constructor(private readonly db: Db) {}

  async begin(workspaceId: string): Promise<KpiImportSession> {
    const client = await poolOf(this.db).connect();
    try {
      await client.query("BEGIN");
      // The sort that de-duplicates a million rows fits in memory instead of spilling to disk.
      await client.query("SET LOCAL work_mem = '256MB'");
      await client.query(STAGE);
    } catch (err) {
      client.release(err instanceof Error ? err : true);
      throw err;
    }
    return new CopySession(client, workspaceId);
  }
}

class CopySession implements KpiImportSession {
  private copy: ReturnType<typeof copyFrom> | null;
  private failure: Error | null = null;
  private ended = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly workspaceId: string,
  ) {
    // A deep buffer lets the file be read and checked on while PostgreSQL takes the rows already sent.
    this.copy = client.query(copyFrom("COPY kpi_import_stage FROM STDIN", { highWaterMark: 4 * 1024 * 1024 }));
    this.copy.on("error", (err: Error) => (this.failure ??= err));
  }

  async stage(records: StagedKpiRecord[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.copy) throw new Error("kpi import: stage after the staging ended");
    if (records.length === 0) return;
    if (!this.copy.write(copyText(records))) await Promise.race([once(this.copy, "drain"), once(this.copy, "error")]);
    if (this.failure) throw this.failure;
  }

  async unknownMembers(limit: number): Promise<{ count: number; first: UnknownMember[] }> {
    await this.endStaging();
    type Row = { line: number; email: string | null; member_id: string | null; helpdesk: string | null; agent_id: string | null; count: number };
    const { rows } = await this.client.query<Row>(UNKNOWN, [this.workspaceId, limit]);
    return { count: rows[0]?.count ?? 0, first: rows.map((r) => ({ line: r.line, member: memberRef(r) })) };
  }

  async commit(): Promise<UpsertCounts> {
    try {
      await this.endStaging();
      const { rows } = await this.client.query<{ records: number; inserted: number; written: number }>(UPSERT, [this.workspaceId]);
      await this.client.query("COMMIT");
      this.release();
      const { records = 0, inserted = 0, written = 0 } = rows[0] ?? {};
      return { inserted, updated: written - inserted, unchanged: records - written };
    } catch (err) {
      await this.abort();
      throw err;
    }
  }

  async abort(): Promise<void> {
    if (this.ended) return;
    // Destroying an unfinished COPY sends CopyFail; the ROLLBACK then drops the staging table with the rest.
    if (this.copy && !this.copy.writableFinished) this.copy.destroy();
    this.copy = null;
    const broken = await this.client.query("ROLLBACK").then(
      () => undefined,
      (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
    );
    this.release(broken);
  }

  private async endStaging(): Promise<void> {
    if (!this.copy) return;
    const copy = this.copy;
    this.copy = null;
    if (!this.failure) await Promise.race([new Promise((resolve) => copy.end(resolve)), once(copy, "error")]);
    if (this.failure) throw this.failure;
    // The staging table has no statistics yet; the planner needs them to join a million rows with a hash.
    await this.client.query("ANALYZE kpi_import_stage");
  }

  private release(broken?: Error): void {
    if (this.ended) return;
    this.ended = true;
    // A connection whose ROLLBACK failed is in an unknown state: the pool discards it.
    this.client.release(broken);
  }
}

function memberRef(r: { email: string | null; member_id: string | null; helpdesk: string | null; agent_id: string | null }): MemberRef {
  if (r.email !== null) return { email: r.email };
  if (r.member_id !== null) return { id: r.member_id };
  return { helpdesk: r.helpdesk ?? "", agentId: r.agent_id ?? "" };
}

/** The records as COPY's text format: tab-separated, \N for NULL, backslash escapes for the few characters that need them. */
function copyText(records: StagedKpiRecord[]): string {
  let out = "";
  for (const r of records) {
    const m = r.member;
    const who = "email" in m ? `${text(m.email)}\t\\N\t\\N\t\\N` : "id" in m ? `\\N\t${m.id}\t\\N\t\\N` : `\\N\t\\N\t${text(m.helpdesk)}\t${text(m.agentId)}`;
    out += `${r.line}\t${who}\t${r.metric}\t${r.date}\t${r.value}\t${r.numerator ?? "\\N"}\t${r.denominator ?? "\\N"}\t${text(r.source)}\t${text(r.ref)}\n`;
  }
  return out;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function text(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c] ?? c);
}
