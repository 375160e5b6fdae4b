// One PlatformUsers (and one PlatformRoster) for every workspace: each workspace's look-ups and roster pages
// go to its own chat platform.
import type { Platform, PlatformUserProfile, Workspace } from "../core/shared/model.ts";
import type { PlatformUsers } from "../core/shared/ports.ts";
import type { PlatformRoster, RosterPage } from "../core/shared/roster.ts";

export class PlatformUsersByPlatform implements PlatformUsers {
  constructor(private readonly byPlatform: Partial<Record<Platform, PlatformUsers>>) {}

  async lookup(workspace: Workspace, platformUserId: string): Promise<PlatformUserProfile | null> {
    const users = this.byPlatform[workspace.platform];
    return users ? users.lookup(workspace, platformUserId) : null;
  }
}

export class PlatformRosterByPlatform implements PlatformRoster {
  constructor(private readonly byPlatform: Partial<Record<Platform, PlatformRoster>>) {}

  async page(workspace: Workspace, cursor: string | null): Promise<RosterPage | null> {
    const roster = this.byPlatform[workspace.platform];
    return roster ? roster.page(workspace, cursor) : null;
  }
}
