// Anonymous feedback that cannot be differenced (issue 14, points 1–4), against real PostgreSQL: a lead who
// compares reports before and after one new answer (asked of one peer), after a dimension was added or after a
// member was forgotten learns nothing about one person's answer; the database keeps no trace of who answered.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { forgetMember } from "../../src/core/data-rights/member-erasure.ts";
import { buildFeedbackReport, submitFeedback } from "../../src/core/feedback/feedback.ts";
import { shuffledComments } from "../../src/core/feedback/feedback-anonymity.ts";
import type { FeedbackDraft } from "../../src/core/feedback/feedback-model.ts";
import type { Member, Team, Workspace } from "../../src/core/shared/model.ts";
import { plainText } from "../../src/slack/render/mrkdwn.ts";
import { PrismaFeedbackRequestStore } from "../../src/store/feedback-request-store.ts";
import { PrismaFeedbackStore } from "../../src/store/feedback-store.ts";
import { toMember, toTeam } from "../../src/store/mappers.ts";
import { PrismaMemberEraser } from "../../src/store/member-erasure-store.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { reportBody } from "../../src/use-cases/feedback/feedback-bodies.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

const SECRET = "differencing-test-feedback-secret";
const PERIOD = "2026-11";
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

interface World {
  workspace: Workspace;
  team: Team;
  people: Record<string, Member>;
  feedback: PrismaFeedbackStore;
  feedbackRequests: PrismaFeedbackRequestStore;
}

async function world(externalId: string, names: string[]): Promise<World> {
  const ws = await db.workspace.create({ data: { platform: "slack", externalId } });
  const teamRow = await db.team.create({ data: { workspaceId: ws.id, name: "Support", isDefault: true } });
  const people: Record<string, Member> = {};
  for (const name of names) {
    const role = name === "lead" ? "lead" : name === "admin" ? "admin" : "agent";
    const row = await db.member.create({ data: { workspaceId: ws.id, teamId: teamRow.id, platformUserId: `U${name.toUpperCase()}${externalId}`, displayName: name, role } });
    people[name] = toMember(row);
  }
  return {
    workspace: { id: ws.id, platform: "slack", externalId, locale: "en" },
    team: toTeam(teamRow),
    people,
    feedback: new PrismaFeedbackStore(db),
    feedbackRequests: new PrismaFeedbackRequestStore(db),
  };
}

function deps(w: World) {
  return { feedback: w.feedback, feedbackRequests: w.feedbackRequests, feedbackSecret: SECRET };
}

function anonymous(score: number, keepDoing: string | null = null, extra: Record<string, number> = {}): FeedbackDraft {
  return {
    ratings: { helpfulness: score, knowledge: score, communication: score, collaboration: score, ...extra },
    keepDoing,
    improve: null,
    visibility: "anonymous",
  };
}

async function answer(w: World, giver: string, subject: string, draft: FeedbackDraft, requestId: string | null = null) {
  await submitFeedback(deps(w), {
    workspace: w.workspace,
    giver: w.people[giver]!,
    subject: w.people[subject]!,
    team: w.team,
    draft,
    requestId,
    now: new Date("2026-11-18T10:00:00Z"),
  });
}

/** The lead's report as the lead reads it (English plain text, one line per row). */
async function reportText(w: World, subject: string, viewer = "lead"): Promise<string> {
  const report = await buildFeedbackReport(deps(w), { viewer: w.people[viewer]!, subject: w.people[subject]!, periodKey: PERIOD, teamsLed: [w.people[viewer]!.teamId!] });
  const lines: string[] = [];
  for (const block of reportBody(report).blocks) {
    if (block.kind === "text") lines.push(plainText(block.text, "en"));
    if (block.kind === "lines") lines.push(...block.lines.map((l) => plainText(l, "en")));
  }
  return lines.join("\n");
}

/** "Helpfulness: 4.67 / 5 (3 ratings)" → { mean: 4.67, count: 3 } per dimension label. */
function figures(text: string): Map<string, { mean: number; count: number }> {
  const out = new Map<string, { mean: number; count: number }>();
  for (const m of text.matchAll(/^(\w+): ([\d.]+) \/ 5 \((\d+) ratings?\)$/gm)) out.set(m[1]!, { mean: Number(m[2]), count: Number(m[3]) });
  return out;
}

describe("differencing reports", () => {
  it("does not let a lead work out one requested peer's answer from the reports before and after it (the issue's sequence)", async () => {
    const w = await world("TDIFF", ["lead", "ana", "bo", "carl", "dee", "eve", "fay", "gus"]);
    // Three anonymous answers: the report shows their totals.
    await answer(w, "bo", "ana", anonymous(5, "calm with angry customers"));
    await answer(w, "carl", "ana", anonymous(5, "great macros"));
    await answer(w, "dee", "ana", anonymous(4, "helps new joiners"));
    const before = await reportText(w, "ana");
    expect(figures(before).get("Helpfulness")).toEqual({ mean: 4.67, count: 3 });

    // The lead asks exactly one peer; eve answers 1 everywhere, with a comment.
    const { request } = await w.feedbackRequests.create({
      workspaceId: w.workspace.id, leadId: w.people.lead!.id, subjectId: w.people.ana!.id, periodKey: PERIOD,
      dueAt: new Date("2026-11-30T00:00:00Z"), peerIds: [w.people.eve!.id], idempotencyKey: "diff-eve",
    });
    await answer(w, "eve", "ana", anonymous(1, "eve was here"), request.id);

    // Nothing the lead can read changed: no new figure, no new comment.
    const after = await reportText(w, "ana");
    expect(after).toBe(before);
    expect(after).not.toContain("eve was here");
    // Still nothing with one more answer below the threshold of new answers.
    await answer(w, "fay", "ana", anonymous(3, "fay's note"));
    expect(await reportText(w, "ana")).toBe(before);

    // The third new answer releases a batch of three: the figures move by all three at once.
    await answer(w, "gus", "ana", anonymous(2, "gus's note"));
    const released = await reportText(w, "ana");
    const was = figures(before).get("Helpfulness")!;
    const now = figures(released).get("Helpfulness")!;
    expect(now.count - was.count).toBeGreaterThanOrEqual(3);
    // What the lead can compute is the sum of the batch, never eve's 1 alone.
    expect(Math.round(now.mean * now.count - was.mean * was.count)).toBe(1 + 3 + 2);
    // Eve's comment appears only among the batch's comments, which are not in the order they were given.
    for (const comment of ["eve was here", "fay's note", "gus's note"]) expect(released).toContain(comment);
    // Their order comes from a keyed hash of each text, the same whatever order they were given in (by chance
    // it may coincide with the given one: with three comments, one time in six).
    const report = await buildFeedbackReport(deps(w), { viewer: w.people.lead!, subject: w.people.ana!, periodKey: PERIOD, teamsLed: [w.people.lead!.teamId!] });
    const batch = report.anonymousComments!.at(-1)!;
    const shown = batch.keepDoing.includes("eve was here") ? batch.keepDoing : batch.improve;
    expect([...shown].sort()).toEqual(["eve was here", "fay's note", "gus's note"]);
    const key = `${w.people.ana!.id}:${PERIOD}:${batch.batch}`;
    expect(shown).toEqual(shuffledComments(SECRET, key, ["eve was here", "fay's note", "gus's note"]));
    expect(shown).toEqual(shuffledComments(SECRET, key, ["gus's note", "eve was here", "fay's note"]));
    // Reports are stable: reading again shows the same thing.
    expect(await reportText(w, "ana")).toBe(released);
    // The report says how anonymity works.
    expect(released).toContain("after every 3 new anonymous answers");
  });

  it("needs the threshold for every dimension: one added mid-period shows no figure until enough people rated it", async () => {
    const w = await world("TDIM", ["lead", "ana", "bo", "carl", "dee", "eve", "fay", "gus"]);
    for (const giver of ["bo", "carl", "dee"]) await answer(w, giver, "ana", anonymous(4));
    await answer(w, "eve", "ana", anonymous(4));
    await answer(w, "fay", "ana", anonymous(4));
    await w.feedback.addDimension(w.workspace.id, "empathy", "Empathy");
    await answer(w, "gus", "ana", anonymous(4, null, { empathy: 2 }));
    const text = await reportText(w, "ana");
    expect(text).not.toMatch(/Empathy: [\d.]+ \/ 5/);
    expect(text).toContain("Empathy: not enough answers yet");
  });
});

describe("what the database keeps", () => {
  it("writes nothing per answer that a transaction id or order ties to the peer or their request", async () => {
    const w = await world("TXMIN", ["lead", "ana", "eve", "bo"]);
    const { request } = await w.feedbackRequests.create({
      workspaceId: w.workspace.id, leadId: w.people.lead!.id, subjectId: w.people.ana!.id, periodKey: PERIOD,
      dueAt: new Date("2026-11-30T00:00:00Z"), peerIds: [w.people.eve!.id, w.people.bo!.id], idempotencyKey: "xmin-eve",
    });
    const { rows: start } = await sql.query(`SELECT txid_current()::text::bigint AS xid`);
    await answer(w, "eve", "ana", anonymous(2, "eve's words"), request.id);
    const { rows: end } = await sql.query(`SELECT txid_current()::text::bigint AS xid`);
    // Every row any transaction between those two wrote: none may name eve, her request or her recipient row.
    const written: string[] = [];
    const { rows: tables } = await sql.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const { tablename } of tables as { tablename: string }[]) {
      const { rows } = await sql.query(
        `SELECT to_jsonb(t)::text AS row FROM "${tablename}" t WHERE xmin::text::bigint > $1 AND xmin::text::bigint < $2`,
        [start[0].xid, end[0].xid],
      );
      written.push(...(rows as { row: string }[]).map((r) => `${tablename} ${r.row}`));
    }
    expect(written.length).toBeGreaterThan(0);
    const recipient = await db.feedbackRecipient.findFirstOrThrow({ where: { requestId: request.id, peerId: w.people.eve!.id } });
    for (const needle of [w.people.eve!.id, w.people.eve!.platformUserId, request.id, recipient.id]) {
      for (const row of written) expect(row).not.toContain(needle);
    }
    // The request still knows eve answered (no reminder for her), found without any stored link.
    const { remindPeers } = await import("../../src/core/feedback/feedback-request.ts");
    const reminded: string[] = [];
    const messenger = {
      send: async (platformUserId: string) => {
        reminded.push(platformUserId);
        return { channelId: "D1", messageRef: "1" };
      },
      update: async () => {},
    };
    await remindPeers({ ...deps(w), messengerFor: async () => messenger }, request.id, new Date("2026-11-29T00:00:00Z"));
    expect(reminded).toEqual([w.people.bo!.platformUserId]);
  });

  it("forgetting a giver changes neither the figures nor the comments a lead sees, nor marks which answers were theirs", async () => {
    const w = await world("TFORGET", ["lead", "admin", "ana", "bo", "carl", "dee"]);
    await answer(w, "bo", "ana", anonymous(5, "bo's comment"));
    await answer(w, "carl", "ana", anonymous(4, "carl's comment"));
    await answer(w, "dee", "ana", anonymous(3, "dee's comment"));
    const before = await reportText(w, "ana");
    expect(before).toContain("bo's comment");
    const rowsBefore = (await sql.query(`SELECT to_jsonb(a) - 'id' AS row FROM feedback_answer a ORDER BY 1::text`)).rows.map((r) => JSON.stringify(r.row)).sort();

    await forgetMember(
      { members: { resolve: async () => new Map(), invalidate: () => {} }, eraser: new PrismaMemberEraser(db), feedbackSecret: SECRET },
      { workspace: w.workspace, actor: w.people.admin!, target: w.people.bo! },
    );

    expect(await reportText(w, "ana")).toBe(before);
    const rowsAfter = (await sql.query(`SELECT to_jsonb(a) - 'id' AS row FROM feedback_answer a ORDER BY 1::text`)).rows.map((r) => JSON.stringify(r.row)).sort();
    expect(rowsAfter).toEqual(rowsBefore);
    expect(JSON.stringify(rowsAfter)).not.toContain("forgotten:");
  });
});
