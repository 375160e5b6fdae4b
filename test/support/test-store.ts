// A Prisma client on a database of its own, for integration tests of src/store.
import { inject } from "vitest";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

export interface TestStore {
  db: Db;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function openTestStore(): Promise<TestStore> {
  const database = await createTestDatabase(inject("templateDatabase"));
  const db = createPrisma(database.url, { poolSize: 20 });
  return {
    db,
    database,
    close: async () => {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/** A workspace, its default team and `n` members, created directly. */
export async function seedTeam(db: Db, n: number, externalId = "T-SEED") {
  const workspace = await db.workspace.create({ data: { platform: "slack", externalId } });
  const team = await db.team.create({ data: { workspaceId: workspace.id, name: "Support", isDefault: true, timeZone: "Europe/Berlin", channelId: "CTEAM" } });
  const members = [];
  for (let i = 0; i < n; i++) {
    members.push(
      await db.member.create({
        data: { workspaceId: workspace.id, teamId: team.id, platformUserId: `U${String(i).padStart(4, "0")}`, displayName: `agent${i}` },
      }),
    );
  }
  return { workspace, team, members };
}
