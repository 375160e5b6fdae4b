// The demo's embedded PostgreSQL (PGlite over the wire protocol): the committed migrations apply once and are
// recorded, Spur's Prisma adapter works against it (defaults, triggers, transactions), and seeding the sample
// workspace twice — across a restart — writes nothing new. The sample teams are made by the sample admin's team
// commands, each change audited as an admin's would be.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Team } from "../../src/core/shared/model.ts";
import { MemberDirectory } from "../../src/core/shared/member-directory.ts";
import { systemClock } from "../../src/core/shared/ports.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../src/playground/embedded-postgres.ts";
import { SAMPLE_MEMBERS } from "../../src/playground/sample-workspace.ts";
import { seedSampleWorkspace, type SeedServices } from "../../src/playground/seed.ts";
import { PrismaKpiIngestStore } from "../../src/store/kpi-ingest-store.ts";
import { PrismaKpiTargetStore } from "../../src/store/kpi-target-store.ts";
import { PrismaKudosStore } from "../../src/store/kudos-store.ts";
import { PrismaMemberStore } from "../../src/store/member-store.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { PrismaFollowedGroupStore } from "../../src/store/followed-group-store.ts";
import { PrismaTeamAdminStore } from "../../src/store/team-admin-store.ts";
import { PrismaWorkspaceStore } from "../../src/store/workspace-store.ts";

const migrationsDir = join(import.meta.dirname, "../../prisma/migrations");
const migrationNames = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

let dataDir: string;
let pg: EmbeddedPostgres | undefined;
let db: Db | undefined;
/** The teams whose schedules the team commands moved, by name. */
const synced: string[] = [];

async function open(): Promise<{ pg: EmbeddedPostgres; db: Db; services: SeedServices }> {
  pg = await startEmbeddedPostgres({ dataDir, migrationsDir });
  // As the demo runs it: every connection to the embedded server shares one session, so no named statements.
  db = createPrisma(pg.url, { preparedStatements: false });
  const memberRepo = new PrismaMemberStore(db);
  const teamAdmin = new PrismaTeamAdminStore(db);
  const services: SeedServices = {
    clock: systemClock,
    defaultTimeZone: "UTC",
    workspaces: new PrismaWorkspaceStore(db),
    memberRepo,
    teamAdmin,
    teamLeads: teamAdmin,
    // Everyone is stored before the commands name them: nobody is looked up on the platform.
    members: new MemberDirectory(memberRepo, { lookup: () => Promise.reject(new Error("no platform in this test")) }, systemClock),
    jobs: { syncTeamSchedules: (team: Team) => Promise.resolve(void synced.push(team.name)) },
    kudos: new PrismaKudosStore(db),
    kpiWriter: new PrismaKpiIngestStore(db),
    kpiTargets: new PrismaKpiTargetStore(db),
    // The sample teams follow no user group.
    followedGroups: new PrismaFollowedGroupStore(db),
    userGroups: { supports: () => false, members: () => Promise.reject(new Error("no platform in this test")), list: () => Promise.resolve([]) },
  };
  return { pg, db, services };
}

async function close(): Promise<void> {
  await db?.$disconnect();
  await pg?.stop();
  db = undefined;
  pg = undefined;
}

const counts = (d: Db) =>
  Promise.all([d.workspace.count(), d.team.count(), d.member.count(), d.kudos.count(), d.kpiRecord.count(), d.kpiTarget.count(), d.auditLogEntry.count()]);

describe("the demo's embedded PostgreSQL", () => {
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "spur-pglite-"));
  });
  afterAll(async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("applies every committed migration once, seeds the sample workspace, and a restart changes nothing", async () => {
    const first = await open();
    expect(first.pg.applied).toEqual(migrationNames);
    const seeded = await seedSampleWorkspace(first.services);
    expect(seeded.teams.map((t) => t.team.name)).toEqual(["Frontline", "Escalations"]);
    expect(seeded.members.size).toBe(SAMPLE_MEMBERS.length);
    const leads = await first.db.member.findMany({ where: { role: "lead" }, orderBy: { displayName: "asc" } });
    expect(leads.map((m) => m.displayName)).toEqual(["Dev Patel", "Maria Lopez"]);
    const [workspaces, teams, members, kudos, kpis, targets] = await counts(first.db);
    expect([workspaces, teams, members]).toEqual([1, 2, SAMPLE_MEMBERS.length]);
    expect(kudos).toBeGreaterThan(30);
    expect(kpis).toBeGreaterThan(6 * 8 * 5 * 3);
    expect(targets).toBe(8);
    await expectTeamsAsAnAdminMadeThem(first.db);
    const syncedFirst = synced.length;

    // The same run again, and again after a restart on the same data directory: nothing new.
    await seedSampleWorkspace(first.services);
    const before = await counts(first.db);
    await close();

    const second = await open();
    expect(second.pg.applied).toEqual([]);
    await seedSampleWorkspace(second.services);
    expect(await counts(second.db)).toEqual(before);
    expect(synced).toHaveLength(syncedFirst);
    const recorded = await second.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(recorded.map((r) => r.migration_name)).toEqual(migrationNames);
  }, 120_000);

  async function expectTeamsAsAnAdminMadeThem(d: Db): Promise<void> {
    const teams = await d.team.findMany({ orderBy: { createdAt: "asc" }, include: { leads: { include: { member: true } } } });
    expect(teams.map((t) => [t.name, t.isDefault, t.channelId, t.timeZone, t.digestDay, t.digestMinuteOfDay, t.leads.map((l) => l.member.displayName)])).toEqual([
      ["Frontline", true, "CFRONTLINE", "Europe/London", 1, 570, ["Maria Lopez"]],
      ["Escalations", false, "CESCALATIONS", "America/New_York", 1, 510, ["Dev Patel"]],
    ]);
    const [frontline, escalations] = [teams[0]!, teams[1]!];
    const members = await d.member.findMany({ orderBy: { platformUserId: "asc" } });
    const teamOf = Object.fromEntries(SAMPLE_MEMBERS.map((m) => [m.id, m.team === "frontline" ? frontline.id : escalations.id]));
    expect(Object.fromEntries(members.map((m) => [m.platformUserId, m.teamId]))).toEqual(teamOf);
    const entries = await d.auditLogEntry.findMany({ orderBy: { createdAt: "asc" } });
    const audit = entries.filter((a) => a.action.startsWith("team."));
    expect(audit.every((a) => a.actorUserId === "UADMIN01")).toBe(true);
    // Then each team's lead sets its four targets, as `spur team <name> targets set` would.
    const leadOf = (key: string) => SAMPLE_MEMBERS.find((m) => m.team === key && m.role === "lead")!.id;
    expect(entries.filter((a) => !a.action.startsWith("team.")).map((a) => [a.action, a.actorUserId, a.target])).toEqual([
      ...Array.from({ length: 4 }, () => ["kpi.target_set", leadOf("frontline"), frontline.id]),
      ...Array.from({ length: 4 }, () => ["kpi.target_set", leadOf("escalations"), escalations.id]),
    ]);
    expect(audit.map((a) => [a.action, a.target])).toEqual([
      ["team.update", frontline.id], // renamed from the default team
      ["team.update", frontline.id], // channel
      ["team.update", frontline.id], // time zone
      ["team.update", frontline.id], // digest
      ["team.lead_add", frontline.id],
      ["team.create", escalations.id],
      ["team.update", escalations.id],
      ["team.update", escalations.id],
      ["team.update", escalations.id],
      ["team.lead_add", escalations.id],
      ["team.assign", escalations.id],
    ]);
    expect(audit[0]!.details).toMatchObject({ name: { from: "Default team", to: "Frontline" } });
    expect(audit[10]!.details).toMatchObject({ team: "Escalations", members: ["ULEAD002", "UAGENT04", "UAGENT05", "UAGENT06"].map((member) => ({ member, from: frontline.id })) });
    expect(new Set(synced)).toEqual(new Set(["Frontline", "Escalations"]));
  }

  it("runs the migrations' triggers and defaults, and rolls back a failed transaction", async () => {
    const { db: d } = pg && db ? { db } : await open();
    const team = await d.team.findFirstOrThrow({ where: { name: "Frontline" } });
    await expect(
      d.$executeRaw`INSERT INTO recognition_prompt_schedule (team_id, day, updated_at) VALUES (${team.id}::uuid, 9, now())`,
    ).rejects.toThrow(/recognition_prompt_schedule_day_range/);
    const made = await d.workspace.create({ data: { platform: "slack", externalId: "T-OTHER" } });
    expect(made.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      d.$transaction(async (tx) => {
        await tx.team.create({ data: { workspaceId: made.id, name: "Half-written" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await d.team.count({ where: { name: "Half-written" } })).toBe(0);
  }, 60_000);
});
