// People a gift names before Spur knows them: one statement finds the known, adds the others provisionally and
// queues the reading of each new profile in the outbox, so the request never waits for Slack or Redis. Two
// processes meeting the same new person at once create one member and queue one reading.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Workspace } from "../../src/core/shared/model.ts";
import { MEMBER_RESOLVE_TOPIC } from "../../src/core/shared/roster.ts";
import { outboxJob } from "../../src/jobs/outbox-topics.ts";
import { PrismaMemberStore } from "../../src/store/member-store.ts";
import { createPrisma, type Db } from "../../src/store/prisma.ts";
import { createTestDatabase, type TestDatabase } from "../support/test-db.ts";

let database: TestDatabase;
let dbA: Db;
let dbB: Db;
let workspace: Workspace;
let teamId: string;

beforeAll(async () => {
  database = await createTestDatabase(inject("templateDatabase"));
  dbA = createPrisma(database.url);
  dbB = createPrisma(database.url);
  const ws = await dbA.workspace.create({ data: { platform: "slack", externalId: "TPROV" } });
  workspace = { id: ws.id, platform: "slack", externalId: "TPROV", locale: "en" };
  teamId = (await dbA.team.create({ data: { workspaceId: ws.id, name: "Support", isDefault: true } })).id;
  await dbA.member.create({ data: { workspaceId: ws.id, teamId, platformUserId: "UKNOWN", displayName: "Known Person" } });
});

afterAll(async () => {
  await dbA?.$disconnect();
  await dbB?.$disconnect();
  await database?.drop();
});

const readings = async () =>
  (await dbA.outboxMessage.findMany({ where: { topic: MEMBER_RESOLVE_TOPIC } }))
    .map((r) => r.payload as { platformUserId: string })
    .sort((a, b) => a.platformUserId.localeCompare(b.platformUserId));

describe("PrismaMemberStore.findOrAddProvisional", () => {
  it("returns the known as they are, adds the others provisionally and queues one reading of each new profile", async () => {
    let nudged = 0;
    const store = new PrismaMemberStore(dbA, () => (nudged += 1));
    const members = await store.findOrAddProvisional(workspace, teamId, [
      { platformUserId: "UKNOWN", displayName: "ignored" },
      { platformUserId: "UNEW1", displayName: "New One" },
      { platformUserId: "UNEW1", displayName: "New One" },
      { platformUserId: "UNEW2", displayName: "UNEW2" },
    ]);
    const byId = new Map(members.map((m) => [m.platformUserId, m]));
    expect([...byId.keys()].sort()).toEqual(["UKNOWN", "UNEW1", "UNEW2"]);
    expect(members).toHaveLength(3);
    expect(byId.get("UKNOWN")).toMatchObject({ displayName: "Known Person", provisional: false });
    expect(byId.get("UNEW1")).toMatchObject({ displayName: "New One", provisional: true, teamId });
    expect(await readings()).toEqual([
      { platform: "slack", externalId: "TPROV", platformUserId: "UNEW1" },
      { platform: "slack", externalId: "TPROV", platformUserId: "UNEW2" },
    ]);
    expect(nudged).toBe(1);

    // Met again: found, not added or queued a second time.
    const again = await store.findOrAddProvisional(workspace, teamId, [{ platformUserId: "UNEW1", displayName: "New One" }]);
    expect(again.map((m) => m.id)).toEqual([byId.get("UNEW1")?.id]);
    expect(await readings()).toHaveLength(2);
  });

  it("creates one member and queues one reading when two processes meet the same new person at once", async () => {
    const a = new PrismaMemberStore(dbA);
    const b = new PrismaMemberStore(dbB);
    const people = Array.from({ length: 20 }, (_, i) => ({ platformUserId: `URACE${i}`, displayName: `Race ${i}` }));
    const [fromA, fromB] = await Promise.all([a.findOrAddProvisional(workspace, teamId, people), b.findOrAddProvisional(workspace, teamId, [...people].reverse())]);
    expect(fromA).toHaveLength(20);
    expect(fromB).toHaveLength(20);
    expect(new Set(fromA.map((m) => m.id))).toEqual(new Set(fromB.map((m) => m.id)));
    expect(await dbA.member.count({ where: { platformUserId: { startsWith: "URACE" } } })).toBe(20);
    const raced = (await readings()).filter((p) => p.platformUserId.startsWith("URACE"));
    expect(raced).toHaveLength(20);
  });

  it("queues each reading as the resolve-member job the worker runs", () => {
    expect(outboxJob(MEMBER_RESOLVE_TOPIC, { platform: "slack", externalId: "TPROV", platformUserId: "UNEW1" })).toEqual({
      ok: true,
      queue: "posts",
      name: "resolve-member",
      data: { platform: "slack", externalId: "TPROV", platformUserId: "UNEW1" },
    });
    expect(outboxJob(MEMBER_RESOLVE_TOPIC, { platform: "slack", platformUserId: "UNEW1" })).toMatchObject({ ok: false });
  });

  it("keeps a role an admin gave a provisional member when their profile is read, and takes the profile's over the placeholder", async () => {
    const store = new PrismaMemberStore(dbA);
    const [made, placeholder] = await store.findOrAddProvisional(workspace, teamId, [
      { platformUserId: "UMADE", displayName: "UMADE" },
      { platformUserId: "UPLACE", displayName: "UPLACE" },
    ]);
    await store.setRole(made!.id, "lead");
    const profile = (id: string, isWorkspaceAdmin: boolean) => ({
      platformUserId: id,
      displayName: `${id} Person`,
      handle: id.toLowerCase(),
      email: null,
      timeZone: "UTC",
      isWorkspaceAdmin,
      isBot: false,
      isDeactivated: false,
    });
    const filled = await store.upsertProfiles(workspace.id, teamId, [profile("UMADE", false), profile("UPLACE", true)]);
    const byId = new Map(filled.map((m) => [m.platformUserId, m]));
    expect(byId.get("UMADE")).toMatchObject({ role: "lead", provisional: false, displayName: "UMADE Person" });
    expect(byId.get(placeholder!.platformUserId)).toMatchObject({ role: "admin", provisional: false });
  });
});
