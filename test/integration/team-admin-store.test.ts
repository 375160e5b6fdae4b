// Team administration over real PostgreSQL: names unique without case even when two admins race, a refused
// archive writes nothing (not even its audit entry), leads follow roles, and a KPI record keeps the team its
// member was in when it was stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/core/shared/audit.ts";
import { PrismaKpiIngestStore } from "../../src/store/kpi-ingest-store.ts";
import { PrismaMemberStore } from "../../src/store/member-store.ts";
import { PrismaTeamAdminStore } from "../../src/store/team-admin-store.ts";
import { openTestStore, seedTeam, type TestStore } from "../support/test-store.ts";

let store: TestStore;
let teams: PrismaTeamAdminStore;
let workspaceId: string;
let defaultTeamId: string;
let memberIds: string[];

const audit = (action: AuditEntry["action"]): AuditEntry => ({ workspaceId, actorUserId: "UADMIN", action, target: null, details: {}, reason: null });
const schedule = { timeZone: "UTC", digestDay: 1, digestMinuteOfDay: 540 };

beforeAll(async () => {
  store = await openTestStore();
  teams = new PrismaTeamAdminStore(store.db);
  const seeded = await seedTeam(store.db, 3, "T-TEAMS");
  workspaceId = seeded.workspace.id;
  defaultTeamId = seeded.team.id;
  memberIds = seeded.members.map((m) => m.id);
});
afterAll(async () => {
  await store?.close();
});

describe("team administration store", () => {
  it("gives a name to one team only, compared without case, when two creates race", async () => {
    const results = await Promise.all([teams.create(workspaceId, { name: "Tier 1", ...schedule }, audit("team.create")), teams.create(workspaceId, { name: "tier 1", ...schedule }, audit("team.create"))]);
    expect(results.filter((r) => r === "taken")).toHaveLength(1);
    expect(await store.db.team.count({ where: { workspaceId, name: { equals: "tier 1", mode: "insensitive" } } })).toBe(1);
    expect(await store.db.auditLogEntry.count({ where: { workspaceId, action: "team.create" } })).toBe(1);
    expect((await teams.byName(workspaceId, "TIER 1"))?.name).toMatch(/^[Tt]ier 1$/);
    const renamed = await teams.update(defaultTeamId, { name: "TIER 1" }, audit("team.update"));
    expect(renamed).toBe("taken");
  });

  it("refuses to archive a team with members and writes nothing, then archives it once empty", async () => {
    const tier2 = await teams.create(workspaceId, { name: "Tier 2", ...schedule }, audit("team.create"));
    if (tier2 === "taken") throw new Error("Tier 2 exists");
    expect(await teams.assign(tier2.id, [memberIds[0]!], audit("team.assign"))).toEqual([memberIds[0]]);
    expect(await teams.assign(tier2.id, [memberIds[0]!], audit("team.assign"))).toEqual([]);
    const before = await store.db.auditLogEntry.count({ where: { workspaceId } });
    expect(await teams.archive(tier2.id, new Date(), audit("team.archive"))).toEqual({ members: 1 });
    expect(await store.db.auditLogEntry.count({ where: { workspaceId } })).toBe(before);
    expect((await store.db.team.findUniqueOrThrow({ where: { id: tier2.id } })).archivedAt).toBeNull();

    await teams.assign(defaultTeamId, [memberIds[0]!], audit("team.assign"));
    const archived = await teams.archive(tier2.id, new Date(), audit("team.archive"));
    expect(archived).toMatchObject({ id: tier2.id, archived: true });
    expect(await teams.assign(tier2.id, [memberIds[1]!], audit("team.assign"))).toEqual([]);
  });

  it("makes a member made lead lead their own team, and an agent lead none", async () => {
    const members = new PrismaMemberStore(store.db);
    const lead = memberIds[2]!;
    await members.setRole(lead, "lead");
    expect(await teams.teamsLedBy(lead)).toEqual([defaultTeamId]);
    const tier1 = (await teams.byName(workspaceId, "tier 1"))!;
    expect(await teams.setLeads(tier1.id, [lead], "add", audit("team.lead_add"))).toEqual([lead]);
    expect((await teams.teamsLedBy(lead)).sort()).toEqual([defaultTeamId, tier1.id].sort());
    await members.setRole(lead, "agent");
    expect(await teams.teamsLedBy(lead)).toEqual([]);
    // An agent added as a lead becomes one.
    await teams.setLeads(tier1.id, [lead], "add", audit("team.lead_add"));
    expect((await store.db.member.findUniqueOrThrow({ where: { id: lead } })).role).toBe("lead");
  });

  it("stores each KPI record with the team its member is in, and a move leaves earlier records where they were", async () => {
    const writer = new PrismaKpiIngestStore(store.db);
    const member = memberIds[1]!;
    const record = (date: string) => ({ memberId: member, metric: "tickets_handled" as const, date, value: 5, numerator: null, denominator: null, source: "api", ref: "" });
    await writer.upsert([record("2026-11-02")]);
    const tier1 = (await teams.byName(workspaceId, "Tier 1"))!;
    await teams.assign(tier1.id, [member], audit("team.assign"));
    await writer.upsert([record("2026-11-20"), { ...record("2026-11-02"), value: 6 }]);
    const rows = await store.db.kpiRecord.findMany({ where: { memberId: member }, orderBy: { periodDate: "asc" } });
    expect(rows.map((r) => [r.periodDate.toISOString().slice(0, 10), r.value, r.teamId])).toEqual([
      ["2026-11-02", 6, defaultTeamId],
      ["2026-11-20", 5, tier1.id],
    ]);
  });
});
