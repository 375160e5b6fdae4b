import { describe, expect, it } from "vitest";
import { MemberDirectory } from "../../src/core/shared/member-directory.ts";
import { actingMember } from "../../src/use-cases/actor.ts";
import type { Member, PlatformUserProfile, Role, Team, Workspace } from "../../src/core/shared/model.ts";
import type { MemberRepository, PlatformUsers } from "../../src/core/shared/ports.ts";
import { TestClock } from "../support/clock.ts";
import { testAgent } from "../support/members.ts";

// In-memory implementations of the domain's own ports (the database-backed ones are tested in integration/).
class MemoryMembers implements MemberRepository {
  readonly rows: Member[] = [];
  reads = 0;
  async findByPlatformIds(workspaceId: string, ids: string[]) {
    this.reads += 1;
    return this.rows.filter((m) => m.workspaceId === workspaceId && ids.includes(m.platformUserId));
  }
  async findByHandles(workspaceId: string, handles: string[]) {
    return this.rows.filter((m) => m.workspaceId === workspaceId && m.handle !== null && handles.includes(m.handle));
  }
  async setLocale(memberId: string, locale: string | null) {
    const m = this.rows.find((r) => r.id === memberId)!;
    m.locale = locale;
    return m;
  }
  async setRole(memberId: string, role: Role) {
    const m = this.rows.find((r) => r.id === memberId)!;
    m.role = role;
    return m;
  }
  async upsertProfiles(workspaceId: string, teamId: string, profiles: PlatformUserProfile[]) {
    return profiles.map((p) => {
      const m: Member = {
        id: `m-${p.platformUserId}`,
        workspaceId,
        teamId,
        platformUserId: p.platformUserId,
        displayName: p.displayName,
        handle: p.handle,
        locale: p.locale ?? null,
        role: p.isWorkspaceAdmin ? "admin" : "agent",
        isBot: p.isBot,
        isDeactivated: p.isDeactivated,
      };
      this.rows.push(m);
      return m;
    });
  }
  readonly provisional = new Set<string>();
  /** The profile readings queued with new provisional members (the outbox rows, in the database). */
  readonly queued: string[][] = [];
  async findOrAddProvisional(workspace: Workspace, teamId: string, people: { platformUserId: string; displayName: string }[]) {
    this.reads += 1;
    const added: string[] = [];
    for (const p of people) {
      if (this.rows.some((m) => m.workspaceId === workspace.id && m.platformUserId === p.platformUserId)) continue;
      const m: Member = { ...testAgent(p.platformUserId, p.displayName), id: `m-${p.platformUserId}`, workspaceId: workspace.id, teamId, platformUserId: p.platformUserId, provisional: true };
      this.rows.push(m);
      this.provisional.add(p.platformUserId);
      added.push(p.platformUserId);
    }
    if (added.length > 0) this.queued.push(added);
    return this.rows.filter((m) => m.workspaceId === workspace.id && people.some((p) => p.platformUserId === m.platformUserId));
  }
  async provisionalOf(_workspaceId: string, ids: string[]) {
    return ids.filter((id) => this.provisional.has(id));
  }
  async markDeparted() {
    return 0;
  }
}

class CountingUsers implements PlatformUsers {
  calls: string[] = [];
  async lookup(_w: Workspace, id: string): Promise<PlatformUserProfile | null> {
    this.calls.push(id);
    await new Promise((r) => setTimeout(r, 5));
    if (id === "UNONE") return null;
    return { platformUserId: id, displayName: id.toLowerCase(), handle: id.toLowerCase(), email: null, timeZone: null, isBot: false, isDeactivated: false, isWorkspaceAdmin: false };
  }
}

const workspace: Workspace = { id: "w1", platform: "slack", externalId: "T1", locale: "en" };

describe("MemberDirectory", () => {
  it("fetches an unknown user from the platform once, even for concurrent requests, and stores them", async () => {
    const repo = new MemoryMembers();
    const users = new CountingUsers();
    const dir = new MemberDirectory(repo, users, new TestClock(new Date()));
    const results = await Promise.all(Array.from({ length: 20 }, () => dir.byPlatformId(workspace, "team", "UANA")));
    expect(new Set(results.map((m) => m?.id))).toEqual(new Set(["m-UANA"]));
    expect(users.calls).toEqual(["UANA"]);
    expect(repo.rows).toHaveLength(1);
    expect(repo.rows[0]?.teamId).toBe("team");
  });

  it("serves from memory until the entry expires, then re-reads the database", async () => {
    const repo = new MemoryMembers();
    const clock = new TestClock(new Date("2026-01-01T00:00:00Z"));
    const dir = new MemberDirectory(repo, new CountingUsers(), clock, { ttlMs: 1000, maxEntries: 10 });
    await dir.byPlatformId(workspace, "team", "UBO");
    const readsAfterFirst = repo.reads;
    await dir.byPlatformId(workspace, "team", "UBO");
    expect(repo.reads).toBe(readsAfterFirst);
    clock.advance(1001);
    await dir.byPlatformId(workspace, "team", "UBO");
    expect(repo.reads).toBe(readsAfterFirst + 1);
  });

  it("returns null for someone the platform does not know, and resolves handles from the database", async () => {
    const repo = new MemoryMembers();
    const dir = new MemberDirectory(repo, new CountingUsers(), new TestClock(new Date()));
    await dir.byPlatformId(workspace, "team", "UCY");
    const resolved = await dir.resolve(workspace, "team", [
      { kind: "id", id: "UNONE" },
      { kind: "handle", handle: "ucy" },
      { kind: "handle", handle: "nobody" },
    ]);
    expect(resolved.get("id:UNONE")).toBeNull();
    expect(resolved.get("handle:ucy")?.platformUserId).toBe("UCY");
    expect(resolved.get("handle:nobody")).toBeNull();
  });

  it("evicts the oldest entry beyond its capacity", async () => {
    const repo = new MemoryMembers();
    const dir = new MemberDirectory(repo, new CountingUsers(), new TestClock(new Date()), { ttlMs: 60_000, maxEntries: 2 });
    for (const id of ["U1", "U2", "U3"]) await dir.byPlatformId(workspace, "team", id);
    const reads = repo.reads;
    await dir.byPlatformId(workspace, "team", "U3");
    expect(repo.reads).toBe(reads);
    await dir.byPlatformId(workspace, "team", "U1");
    expect(repo.reads).toBe(reads + 1);
  });

  it("adds people it has not seen as provisional members without asking the platform, and has them resolved later", async () => {
    const repo = new MemoryMembers();
    const users = new CountingUsers();
    const dir = new MemberDirectory(repo, users, new TestClock(new Date()), undefined, { provisionalIn: () => true });
    await dir.byPlatformId(workspace, "team", "UKNOWN");
    users.calls.length = 0;
    const resolved = await dir.resolve(
      workspace,
      "team",
      [
        { kind: "id", id: "UKNOWN" },
        { kind: "id", id: "UNEW", name: "New Person" },
        { kind: "id", id: "UNEWER" },
        { kind: "handle", handle: "nobody" },
      ],
      "provisional",
    );
    expect(users.calls).toEqual([]);
    expect(resolved.get("id:UKNOWN")?.displayName).toBe("uknown");
    expect(resolved.get("id:UNEW")?.displayName).toBe("New Person");
    // Without a name in the mention, the chat id stands in until the profile is known.
    expect(resolved.get("id:UNEWER")?.displayName).toBe("UNEWER");
    expect(resolved.get("handle:nobody")).toBeNull();
    expect([...repo.provisional].sort()).toEqual(["UNEW", "UNEWER"]);
    expect(repo.queued).toEqual([["UNEW", "UNEWER"]]);
    // The known member was cached by the look-up before; the new ones are read again until their profile is in.
    const reads = repo.reads;
    await dir.resolve(workspace, "team", [{ kind: "id", id: "UKNOWN" }], "provisional");
    expect(repo.reads).toBe(reads);
    await dir.resolve(workspace, "team", [{ kind: "id", id: "UNEW" }], "provisional");
    expect(repo.reads).toBe(reads + 1);
    expect(repo.queued).toHaveLength(1);
  });

  it("looks people up first in a workspace where they are not added provisionally", async () => {
    const users = new CountingUsers();
    const dir = new MemberDirectory(new MemoryMembers(), users, new TestClock(new Date()), undefined, { provisionalIn: () => false });
    const resolved = await dir.resolve(workspace, "team", [{ kind: "id", id: "UNONE" }, { kind: "id", id: "UANA" }], "provisional");
    expect(users.calls.sort()).toEqual(["UANA", "UNONE"]);
    expect(resolved.get("id:UNONE")).toBeNull();
    expect(resolved.get("id:UANA")?.displayName).toBe("uana");
  });

  it("adds a provisional actor and the people their request names in one statement", async () => {
    const repo = new MemoryMembers();
    const dir = new MemberDirectory(repo, new CountingUsers(), new TestClock(new Date()), undefined, { provisionalIn: () => true });
    const team = { id: "team" } as Team;
    const { actor } = await actingMember({ members: dir, memberRepo: repo }, workspace, team, "UGIVER", null, "provisional", [
      { kind: "id", id: "UNEW", name: "New Person" },
    ]);
    expect(actor).toMatchObject({ platformUserId: "UGIVER", provisional: true });
    expect(repo.reads).toBe(1);
    expect(repo.queued).toEqual([["UGIVER", "UNEW"]]);
    // The use case then finds the named person stored: nothing is added or queued again.
    const resolved = await dir.resolve(workspace, "team", [{ kind: "id", id: "UNEW" }], "provisional");
    expect(resolved.get("id:UNEW")?.displayName).toBe("New Person");
    expect(repo.queued).toHaveLength(1);
  });
});
