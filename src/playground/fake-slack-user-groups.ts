// The fake Slack API's user groups (usergroups.list, usergroups.users.list), kept apart from the rest of the
// fake: groups a test or the playground sets up, and their members, changed as Slack would.
export interface FakeUserGroup {
  id: string;
  handle: string;
  name?: string;
  users: string[];
  /** A disabled group is listed by neither method (Slack's include_disabled=false). */
  disabled?: boolean;
}

export class FakeUserGroups {
  private readonly groups = new Map<string, FakeUserGroup>();

  /** Adds the group, or replaces it (its members too). */
  set(group: FakeUserGroup): void {
    this.groups.set(group.id, { ...group, users: [...group.users] });
  }

  /** Sets the group's members, as an admin editing it on Slack would. */
  setMembers(id: string, users: string[]): void {
    const group = this.groups.get(id);
    if (!group) throw new Error(`no fake user group ${id}`);
    group.users = [...users];
  }

  /** Slack's answer for a usergroups method, or undefined when `method` is not one of them. */
  answer(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case "usergroups.list":
        return {
          ok: true,
          usergroups: [...this.groups.values()].filter((g) => !g.disabled).map((g) => ({ id: g.id, handle: g.handle, name: g.name ?? g.handle, user_count: g.users.length })),
        };
      case "usergroups.users.list": {
        const group = this.groups.get(String(args.usergroup ?? ""));
        if (!group || group.disabled) return { ok: false, error: "no_such_subteam" };
        return { ok: true, users: [...group.users] };
      }
      default:
        return undefined;
    }
  }
}
