// The demo's embedded PostgreSQL (PGlite over the wire protocol): the committed migrations apply once and are
// recorded, Spur's Prisma adapter works against it (defaults, triggers, transactions), and seeding the sample
// workspace twice — across a restart — writes nothing new.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/core/shared/ports.ts";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../../src/playground/embedded-postgres.ts";
import { SAMPLE_MEMBERS } from "../../src/playground/sample-workspace.ts";
import { seedSampleWorkspace, type SeedServices } from "../../src/playground/seed.ts";
import { PrismaKpiIngestStore } from "../../src/store/kpi-ingest-store.ts";
import { PrismaKpiTargetStore } from "../../src/store/kpi-target-store.ts";
import { PrismaKudosStore } from "../../src/store/kudos-store.ts";
import { PrismaMemberStore } from "../../src/store/member-store.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { PrismaWorkspaceStore } from "../../src/store/workspace-store.ts";

const migrationsDir = join(import.meta.dirname, "../../prisma/migrations");
const migrationNames = readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

let dataDir: string;
let pg: EmbeddedPostgres | undefined;
let db: Db | undefined;

async function open(): Promise<{ pg: EmbeddedPostgres; db: Db; services: SeedServices }> {
  pg = await startEmbeddedPostgres({ dataDir, migrationsDir });
  db = createPrisma(pg.url);
  const services: SeedServices = {
    clock: systemClock,
    defaultTimeZone: "UTC",
    workspaces: new PrismaWorkspaceStore(db),
    memberRepo: new PrismaMemberStore(db),
    kudos: new PrismaKudosStore(db),
    kpiWriter: new PrismaKpiIngestStore(db),
    kpiTargets: new PrismaKpiTargetStore(db),
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
  Promise.all([d.workspace.count(), d.team.count(), d.member.count(), d.kudos.count(), d.kpiRecord.count(), d.kpiTarget.count()]);

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
    const seeded = await seedSampleWorkspace(first.services, first.db);
    expect(seeded.teams.map((t) => t.team.name)).toEqual(["Frontline", "Escalations"]);
    expect(seeded.members.size).toBe(SAMPLE_MEMBERS.length);
    const leads = await first.db.member.findMany({ where: { role: "lead" }, orderBy: { displayName: "asc" } });
    expect(leads.map((m) => m.displayName)).toEqual(["Dev Patel", "Maria Lopez"]);
    const [workspaces, teams, members, kudos, kpis, targets] = await counts(first.db);
    expect([workspaces, teams, members]).toEqual([1, 2, SAMPLE_MEMBERS.length]);
    expect(kudos).toBeGreaterThan(30);
    expect(kpis).toBeGreaterThan(6 * 8 * 5 * 3);
    expect(targets).toBe(8);
    // The same run again, and again after a restart on the same data directory: nothing new.
    await seedSampleWorkspace(first.services, first.db);
    const before = await counts(first.db);
    await close();

    const second = await open();
    expect(second.pg.applied).toEqual([]);
    await seedSampleWorkspace(second.services, second.db);
    expect(await counts(second.db)).toEqual(before);
    const recorded = await second.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(recorded.map((r) => r.migration_name)).toEqual(migrationNames);
  }, 120_000);

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
