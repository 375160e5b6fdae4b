// Feedback keeps the team its subject was in when it happened: a request, a named answer and an anonymous
// answer (given before a move, released after it) stay with the old team; what comes after the move belongs to
// the new one. The team's digest counts the requests made while the subject was in it.
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { nextRelease } from "../../src/core/feedback/feedback-release.ts";
import type { AuditEntry } from "../../src/core/shared/audit.ts";
import { PrismaDigestReads } from "../../src/store/digest-reads-store.ts";
import { PrismaFeedbackRequestStore } from "../../src/store/feedback-request-store.ts";
import { PrismaFeedbackStore } from "../../src/store/feedback-store.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { PrismaTeamAdminStore } from "../../src/store/team-admin-store.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

let tdb: TestDatabase;
let db: Db;

beforeAll(async () => {
  tdb = await createTestDatabase(inject("templateDatabase"));
  db = createPrisma(tdb.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await tdb?.drop();
});

describe("feedback after a member moves team", () => {
  it("stays with the team the subject was in when it was asked for and given", async () => {
    const ws = await db.workspace.create({ data: { platform: "slack", externalId: "TMOVE" } });
    const tier1 = await db.team.create({ data: { workspaceId: ws.id, name: "Tier 1", isDefault: true } });
    const tier2 = await db.team.create({ data: { workspaceId: ws.id, name: "Tier 2" } });
    const person = (platformUserId: string, role: "agent" | "lead" = "agent") =>
      db.member.create({ data: { workspaceId: ws.id, teamId: tier1.id, platformUserId, displayName: platformUserId.toLowerCase(), role } });
    const lead = await person("ULEAD", "lead");
    const subject = await person("USUBJ");
    const peers = await Promise.all(["UP1", "UP2", "UP3", "UP4"].map((id) => person(id)));
    const feedback = new PrismaFeedbackStore(db);
    const requests = new PrismaFeedbackRequestStore(db);
    const answer = (giverIndex: number, visibility: "named" | "anonymous") =>
      feedback.recordAnswer({
        workspaceId: ws.id,
        subjectId: subject.id,
        periodKey: "2026-11",
        visibility,
        giverId: visibility === "named" ? peers[giverIndex]!.id : null,
        marks: [`mark-${giverIndex}`],
        keepDoing: null,
        improve: null,
        answeredOn: "2026-11-10",
        ratings: [],
      });
    const release = () =>
      feedback.releaseAnonymous({ workspaceId: ws.id, subjectId: subject.id, periodKey: "2026-11", threshold: 3, releasedOn: "2026-11-20" }, (previous, totals, answers) =>
        nextRelease(previous, totals, answers, 3),
      );
    const ask = (key: string) =>
      requests.create({ workspaceId: ws.id, leadId: lead.id, subjectId: subject.id, periodKey: "2026-11", dueAt: new Date("2026-11-30T00:00:00Z"), peerIds: [peers[0]!.id], idempotencyKey: key });

    // In Tier 1: a request, a named answer and two anonymous ones, waiting for a third before they are released.
    await ask("before-move");
    expect(await answer(0, "named")).toEqual({ created: true });
    await answer(1, "anonymous");
    await answer(2, "anonymous");
    expect(await release()).toBe(false);

    const audit: AuditEntry = { workspaceId: ws.id, actorUserId: "UADMIN", action: "team.assign", target: tier2.id, details: { team: "Tier 2" }, reason: null };
    expect(await new PrismaTeamAdminStore(db).assign(tier2.id, [subject.id], audit)).toEqual([subject.id]);

    // In Tier 2: the third anonymous answer releases the batch, and a second request.
    await answer(3, "anonymous");
    expect(await release()).toBe(true);
    await ask("after-move");

    const teamName = new Map([
      [tier1.id, "Tier 1"],
      [tier2.id, "Tier 2"],
    ]);
    const answers = await db.feedbackAnswer.findMany({ where: { subjectId: subject.id }, select: { visibility: true, teamId: true } });
    const byTeam = answers.map((a) => `${a.visibility}:${teamName.get(a.teamId ?? "")}`).sort();
    expect(byTeam).toEqual(["anonymous:Tier 1", "anonymous:Tier 1", "anonymous:Tier 2", "named:Tier 1"]);
    const asked = await db.feedbackRequest.findMany({ where: { subjectId: subject.id }, orderBy: { createdAt: "asc" }, select: { idempotencyKey: true, teamId: true } });
    expect(asked.map((r) => `${r.idempotencyKey}:${teamName.get(r.teamId ?? "")}`)).toEqual(["before-move:Tier 1", "after-move:Tier 2"]);

    // Each team's digest counts the requests made while the subject was in it.
    const reads = new PrismaDigestReads(db);
    const week = { start: new Date("2026-01-01T00:00:00Z"), end: new Date("2100-01-01T00:00:00Z") };
    expect((await reads.feedbackParticipation(tier1.id, week, "2026-W47")).requests).toBe(1);
    expect((await reads.feedbackParticipation(tier2.id, week, "2026-W47")).requests).toBe(1);
  });
});
