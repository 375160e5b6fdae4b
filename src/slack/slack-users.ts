// PlatformUsers for Slack: users.info, mapped to the domain's profile.
import type { webApi } from "@slack/bolt";
import type { PlatformUserProfile, Workspace } from "../core/model.ts";
import type { PlatformUsers } from "../core/ports.ts";
import { SlackUser } from "./payloads.ts";
import { classifySlackError, slackErrorCode } from "./slack-errors.ts";

export function profileFromSlackUser(user: SlackUser): PlatformUserProfile {
  const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || user.id;
  return {
    platformUserId: user.id,
    displayName,
    handle: user.name ?? null,
    email: user.profile?.email ?? null,
    timeZone: user.tz ?? null,
    isBot: Boolean(user.is_bot) || user.id === "USLACKBOT",
    isDeactivated: Boolean(user.deleted),
    isWorkspaceAdmin: Boolean(user.is_admin || user.is_owner),
  };
}

export class SlackUsers implements PlatformUsers {
  constructor(private readonly clientFor: (workspace: Workspace) => webApi.WebClient) {}

  async lookup(workspace: Workspace, platformUserId: string): Promise<PlatformUserProfile | null> {
    try {
      const res = await this.clientFor(workspace).users.info({ user: platformUserId });
      const parsed = SlackUser.safeParse(res.user);
      return parsed.success ? profileFromSlackUser(parsed.data) : null;
    } catch (err) {
      if (slackErrorCode(err) === "user_not_found") return null;
      throw classifySlackError(err);
    }
  }
}
