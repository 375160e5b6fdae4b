// Anonymity at the data level: an anonymous answer, given through a feedback request, leaves nothing in the
// feedback tables that leads back to its giver — no member id, no platform user id, no write to the request,
// and a mark that cannot be recomputed without the server's secret and the giver's salt.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { buildFeedbackReport, submitFeedback } from "../../src/core/feedback/feedback.ts";
import { feedbackGiverMark, feedbackMarks } from "../../src/core/feedback/feedback-anonymity.ts";
import { requestWithAnswers } from "../../src/core/feedback/feedback-answered.ts";
import type { Member, Team, Workspace } from "../../src/core/shared/model.ts";
import { PrismaFeedbackRequestStore } from "../../src/store/feedback-request-store.ts";
import { PrismaFeedbackStore } from "../../src/store/feedback-store.ts";
import { toMember, toTeam } from "../../src/store/mappers.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

const SECRET = "integration-test-feedback-secret";
let tdb: TestDatabase;
let db: Db;
let sql: pg.Client;

beforeAll(async () => {
  tdb = await createTestDatabase(inject("templateDatabase"));
  db = createPrisma(tdb.url);
  sql = new pg.Client({ connectionString: tdb.url });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await db?.$disconnect();
  await tdb?.drop();
});

describe("anonymous feedback", () => {
  it("cannot be joined back to its giver", async () => {
    const ws = await db.workspace.create({ data: { platform: "slack", externalId: "TANON" } });
    const teamRow = await db.team.create({ data: { workspaceId: ws.id, name: "Support", isDefault: true } });
    const person = (platformUserId: string, role: "agent" | "lead" = "agent") =>
      db.member.create({ data: { workspaceId: ws.id, teamId: teamRow.id, platformUserId, displayName: platformUserId.toLowerCase(), role } });
    const [lead, subject, giver, other] = (await Promise.all([person("ULEAD", "lead"), person("USUBJ"), person("UGIVER"), person("UOTHER")])).map(toMember) as Member[];
    const workspace: Workspace = { id: ws.id, platform: "slack", externalId: "TANON", locale: "en" };
    const team: Team = toTeam(teamRow);

    const feedback = new PrismaFeedbackStore(db);
    const feedbackRequests = new PrismaFeedbackRequestStore(db);
    const { request } = await feedbackRequests.create({
      workspaceId: ws.id,
      leadId: lead!.id,
      subjectId: subject!.id,
      periodKey: "2026-11",
      dueAt: new Date("2026-11-30T00:00:00Z"),
      peerIds: [giver!.id, other!.id],
      idempotencyKey: "anon-test",
    });
    const deps = { feedback, feedbackRequests, feedbackSecret: SECRET };
    const draft = { ratings: { helpfulness: 2, knowledge: 3, communication: 4, collaboration: 5 }, keepDoing: "steady", improve: "faster", visibility: "anonymous" as const };
    await submitFeedback(deps, { workspace, giver: giver!, subject: subject!, team, draft, requestId: request.id, now: new Date("2026-11-18T10:11:12Z") });

    // The request knows the peer answered (so no reminder), found from the giver's mark: its row is not written.
    const recipient = await db.feedbackRecipient.findFirstOrThrow({ where: { peerId: giver!.id } });
    expect(recipient.status).toBe("asked");
    expect((await requestWithAnswers(deps, request.id))?.recipients.find((r) => r.peer.id === giver!.id)?.status).toBe("answered");

    // Scan every column of every row of the answer tables for anything identifying the giver.
    const salt = (await db.member.findUniqueOrThrow({ where: { id: giver!.id } })).feedbackSalt;
    const needles = [giver!.id, giver!.platformUserId, giver!.id.replaceAll("-", ""), recipient.id, request.id, salt];
    const tables = ["feedback_pending_answer", "feedback_giver_mark", "feedback_answer", "feedback_rating", "feedback_release"];
    for (const table of tables) {
      const { rows } = await sql.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t`);
      for (const { row } of rows as { row: string }[]) {
        for (const needle of needles) expect(row.toLowerCase()).not.toContain(needle.toLowerCase());
      }
    }
    // Every column, named explicitly, so a future column is scanned too.
    const { rows: columns } = await sql.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name = ANY($1::text[])`,
      [tables],
    );
    for (const { table_name, column_name } of columns as { table_name: string; column_name: string }[]) {
      const { rows } = await sql.query(
        `SELECT count(*)::int AS n FROM ${table_name} WHERE "${column_name}"::text = ANY($1::text[]) OR "${column_name}"::text ILIKE ANY($2::text[])`,
        [needles, needles.map((n) => `%${n}%`)],
      );
      expect(rows[0].n, `${table_name}.${column_name}`).toBe(0);
    }

    // One answer is below the threshold of a batch: it waits, unread, with no date at all.
    expect(await db.feedbackAnswer.count()).toBe(0);
    const pending = await db.feedbackPendingAnswer.findFirstOrThrow();
    expect(Object.keys(pending).sort()).toEqual(["id", "improve", "keepDoing", "periodKey", "ratings", "subjectId", "teamId", "workspaceId"]);
    // Its team is the subject's (where the answer will count), never anything of the giver's.
    expect(pending.teamId).toBe(teamRow.id);
    // The mark is an HMAC under the server secret and the giver's salt: without both, member ids don't lead to it.
    const mark = await db.feedbackGiverMark.findFirstOrThrow();
    expect(mark.mark).toBe(feedbackGiverMark(SECRET, salt, subject!.id, "2026-11"));
    expect(mark.mark).not.toBe(feedbackGiverMark("some-other-secret", salt, subject!.id, "2026-11"));

    // What the app exposes: no named entry, no giver; comments only once the threshold is met (it isn't).
    const report = await buildFeedbackReport(deps, { viewer: lead!, subject: subject!, periodKey: "2026-11", teamsLed: [lead!.teamId!] });
    expect(report.named).toEqual([]);
    expect(report.anonymousComments).toBeNull();
    expect(report.aggregate.answers).toBe(0);
    expect(JSON.stringify(report)).not.toContain(giver!.platformUserId);
    expect(JSON.stringify(await feedback.namedAnswers(subject!.id, "2026-11"))).not.toContain(giver!.id);
  });

  it("enforces one answer per person and period without knowing who they are", async () => {
    const pending = await db.feedbackPendingAnswer.findFirstOrThrow();
    const [mark] = await db.feedbackGiverMark.findMany();
    const feedback = new PrismaFeedbackStore(db);
    const again = await feedback.recordAnswer({
      workspaceId: pending.workspaceId,
      subjectId: pending.subjectId,
      periodKey: pending.periodKey,
      visibility: "anonymous",
      giverId: null,
      marks: [mark!.mark],
      keepDoing: null,
      improve: null,
      answeredOn: "2026-11-19",
      ratings: [],
    });
    expect(again.created).toBe(false);
    expect(await db.feedbackPendingAnswer.count()).toBe(1);

    // Two submissions racing (a double click): exactly one is stored, with its ratings.
    const [dim] = await feedback.dimensions(pending.workspaceId);
    const racing = () =>
      feedback.recordAnswer({
        workspaceId: pending.workspaceId, subjectId: pending.subjectId, periodKey: "2026-12", visibility: "named",
        giverId: null, marks: ["k-race"], keepDoing: null, improve: null, answeredOn: "2026-12-01",
        ratings: [{ dimensionId: dim!.id, score: 3 }],
      });
    const results = await Promise.all([racing(), racing(), racing()]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const stored = await db.feedbackAnswer.findMany({ where: { periodKey: "2026-12" }, include: { ratings: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.ratings).toHaveLength(1);
    // An answer given before marks were salted still counts: its older key is checked too.
    const giver = await db.member.findFirstOrThrow({ where: { platformUserId: "UOTHER" } });
    const [, legacy] = feedbackMarks(SECRET, { id: giver.id, salt: giver.feedbackSalt }, pending.subjectId, "2026-12");
    await db.feedbackGiverMark.create({ data: { subjectId: pending.subjectId, periodKey: "2026-12", mark: legacy! } });
    const marks = feedbackMarks(SECRET, { id: giver.id, salt: giver.feedbackSalt }, pending.subjectId, "2026-12");
    const late = await feedback.recordAnswer({
      workspaceId: pending.workspaceId, subjectId: pending.subjectId, periodKey: "2026-12", visibility: "anonymous",
      giverId: null, marks, keepDoing: null, improve: null, answeredOn: "2026-12-02", ratings: [],
    });
    expect(late.created).toBe(false);
    await db.feedbackAnswer.deleteMany({ where: { periodKey: "2026-12" } });
    await db.feedbackGiverMark.deleteMany({ where: { periodKey: "2026-12" } });
  });

  it("refuses, in the database itself, an anonymous row with a giver or outside a release, or a threshold below 3", async () => {
    const pending = await db.feedbackPendingAnswer.findFirstOrThrow();
    const member = await db.member.findFirstOrThrow({ where: { platformUserId: "UGIVER" } });
    const release = await db.feedbackRelease.create({
      data: { workspaceId: pending.workspaceId, subjectId: pending.subjectId, periodKey: "2026-10", seq: 1, threshold: 3, answers: 3, dimensions: [], releasedOn: new Date("2026-10-31") },
    });
    const insert = (giverId: string | null, releaseId: string | null) =>
      sql.query(
        `INSERT INTO feedback_answer (workspace_id, subject_id, period_key, visibility, giver_id, answered_on, release_id) VALUES ($1, $2, '2026-10', 'anonymous', $3, '2026-10-31', $4)`,
        [pending.workspaceId, pending.subjectId, giverId, releaseId],
      );
    await expect(insert(member.id, release.id)).rejects.toThrow(/anonymous_has_no_giver/);
    await expect(insert(null, null)).rejects.toThrow(/anonymous_released/);
    await db.feedbackRelease.delete({ where: { id: release.id } });
    await expect(sql.query(`INSERT INTO feedback_settings (workspace_id, anonymity_threshold, updated_at) VALUES ($1, 2, now())`, [pending.workspaceId])).rejects.toThrow(/threshold_min/);
  });
});

describe("deleting people and workspaces", () => {
  it("keeps a named answer (without its giver) when the giver is deleted, and removes everything with the workspace", async () => {
    const ws = await db.workspace.findFirstOrThrow({ where: { externalId: "TANON" } });
    const subject = await db.member.findFirstOrThrow({ where: { platformUserId: "USUBJ" } });
    const other = await db.member.findFirstOrThrow({ where: { platformUserId: "UOTHER" } });
    const feedback = new PrismaFeedbackStore(db);
    const [dim] = await feedback.dimensions(ws.id);
    await feedback.recordAnswer({
      workspaceId: ws.id, subjectId: subject.id, periodKey: "2026-11", visibility: "named", giverId: other.id,
      marks: feedbackMarks(SECRET, { id: other.id, salt: other.feedbackSalt }, subject.id, "2026-11"), keepDoing: "named one", improve: null,
      answeredOn: "2026-11-18", ratings: [{ dimensionId: dim!.id, score: 4 }],
    });
    await db.member.delete({ where: { id: other.id } });
    expect((await db.feedbackAnswer.findFirstOrThrow({ where: { keepDoing: "named one" } })).giverId).toBeNull();
    await db.workspace.delete({ where: { id: ws.id } });
    expect(await db.feedbackAnswer.count()).toBe(0);
    expect(await db.feedbackRequest.count()).toBe(0);
    expect(await db.feedbackDimension.count()).toBe(0);
    expect(await db.feedbackPendingAnswer.count()).toBe(0);
    expect(await db.feedbackGiverMark.count()).toBe(0);
    expect(await db.feedbackRelease.count()).toBe(0);
  });
});
