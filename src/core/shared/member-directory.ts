// Resolves people named in commands to members: memory cache → database → chat platform (first sight).
// Concurrent look-ups of the same unknown user share one platform call. A gift names its recipients without
// waiting for the platform: people Spur has not seen yet become provisional members at once, and their
// profiles are filled in later (see roster.ts), so no user look-up holds the request.
import type { MentionRef } from "./command-text.ts";
import { mentionKey } from "./command-text.ts";
import type { Member, Workspace } from "./model.ts";
import type { Clock, MemberRepository, PlatformUsers } from "./ports.ts";
import type { ProvisionalResolution } from "./roster.ts";

/** What resolving does with a platform id Spur has no member for: ask the platform now, or add it provisionally. */
export type UnknownPeople = "look-up" | "provisional";

export interface MemberDirectoryOptions {
  ttlMs: number;
  maxEntries: number;
}

interface CacheEntry {
  member: Member;
  expiresAt: number;
}

export class MemberDirectory {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inflight = new Map<string, Promise<Member | null>>();

  constructor(
    private readonly repo: MemberRepository,
    private readonly users: PlatformUsers,
    private readonly clock: Clock,
    private readonly options: MemberDirectoryOptions = { ttlMs: 60_000, maxEntries: 50_000 },
    private readonly later?: ProvisionalResolution,
  ) {}

  /** The member with this platform id, fetched from the platform and stored on first sight. */
  async byPlatformId(workspace: Workspace, newMemberTeamId: string, platformUserId: string): Promise<Member | null> {
    const key = `${workspace.id}:${platformUserId}`;
    const cached = this.fromCache(key);
    if (cached) return cached;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const load = this.load(workspace, newMemberTeamId, platformUserId).finally(() => this.inflight.delete(key));
    this.inflight.set(key, load);
    return load;
  }

  /** Resolves each mention; the map is keyed by `mentionKey` and holds null for nobody found. */
  async resolve(
    workspace: Workspace,
    newMemberTeamId: string,
    refs: MentionRef[],
    unknown: UnknownPeople = "look-up",
  ): Promise<Map<string, Member | null>> {
    const result = new Map<string, Member | null>();
    const handles = refs.flatMap((r) => (r.kind === "handle" ? [r.handle] : []));
    const byHandle = handles.length > 0 ? await this.repo.findByHandles(workspace.id, handles) : [];
    if (unknown === "provisional" && this.later?.provisionalIn(workspace)) {
      const byId = await this.withoutLookUp(workspace, newMemberTeamId, refs);
      for (const ref of refs) {
        result.set(mentionKey(ref), ref.kind === "id" ? (byId.get(ref.id) ?? null) : (byHandle.find((m) => m.handle === ref.handle) ?? null));
      }
      return result;
    }
    await Promise.all(
      refs.map(async (ref) => {
        const member =
          ref.kind === "id"
            ? await this.byPlatformId(workspace, newMemberTeamId, ref.id)
            : (byHandle.find((m) => m.handle === ref.handle) ?? null);
        result.set(mentionKey(ref), member);
      }),
    );
    return result;
  }

  /**
   * A provisional member's profile (name, role, language) read from the platform now, for when they act in
   * something that depends on it; the member as stored when the platform does not know them.
   */
  async completeProvisional(workspace: Workspace, teamId: string, member: Member): Promise<Member> {
    const profile = await this.users.lookup(workspace, member.platformUserId);
    if (!profile) return member;
    const [updated] = await this.repo.upsertProfiles(workspace.id, teamId, [profile]);
    this.invalidate(workspace.id, member.platformUserId);
    return updated ? this.remember(updated) : member;
  }

  /** Drops a cached member after its role, team or status changed. */
  invalidate(workspaceId: string, platformUserId: string): void {
    this.cache.delete(`${workspaceId}:${platformUserId}`);
  }

  /** Members for the id mentions, from the cache and the database; people not found are added provisionally. */
  private async withoutLookUp(workspace: Workspace, teamId: string, refs: MentionRef[]): Promise<Map<string, Member>> {
    const found = new Map<string, Member>();
    const missing = new Map<string, string>();
    for (const ref of refs) {
      if (ref.kind !== "id") continue;
      const cached = this.fromCache(`${workspace.id}:${ref.id}`);
      if (cached) found.set(ref.id, cached);
      else missing.set(ref.id, ref.name ?? ref.id);
    }
    if (missing.size === 0) return found;
    const people = [...missing].map(([platformUserId, displayName]) => ({ platformUserId, displayName }));
    // One statement finds the known, adds the others and queues their resolution (in the outbox: the gift never
    // waits for Redis, which may be down). Only full members are cached: a profile filled in later should show
    // as soon as it is stored.
    for (const m of await this.repo.findOrAddProvisional(workspace, teamId, people)) {
      found.set(m.platformUserId, m.provisional ? m : this.remember(m));
    }
    return found;
  }

  private async load(workspace: Workspace, teamId: string, platformUserId: string): Promise<Member | null> {
    const [stored] = await this.repo.findByPlatformIds(workspace.id, [platformUserId]);
    if (stored) return this.remember(stored);
    const profile = await this.users.lookup(workspace, platformUserId);
    if (!profile) return null;
    const [created] = await this.repo.upsertProfiles(workspace.id, teamId, [profile]);
    return created ? this.remember(created) : null;
  }

  private fromCache(key: string): Member | null {
    const entry = this.cache.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock.now().getTime()) {
      this.cache.delete(key);
      return null;
    }
    return entry.member;
  }

  private remember(member: Member): Member {
    if (this.cache.size >= this.options.maxEntries) {
      // Map keeps insertion order: evict the oldest entry.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(`${member.workspaceId}:${member.platformUserId}`, {
      member,
      expiresAt: this.clock.now().getTime() + this.options.ttlMs,
    });
    return member;
  }
}
