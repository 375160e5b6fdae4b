// One PlatformUsers for the member directory: each workspace's look-ups go to its own chat platform.
import type { Platform, PlatformUserProfile, Workspace } from "../core/shared/model.ts";
import type { PlatformUsers } from "../core/shared/ports.ts";

export class PlatformUsersByPlatform implements PlatformUsers {
  constructor(private readonly byPlatform: Partial<Record<Platform, PlatformUsers>>) {}

  async lookup(workspace: Workspace, platformUserId: string): Promise<PlatformUserProfile | null> {
    const users = this.byPlatform[workspace.platform];
    return users ? users.lookup(workspace, platformUserId) : null;
  }
}
