// PlatformUsers for Slack (users.info) and its roster (users.list, a page at a time), mapped to the domain's profile.
import type { webApi } from "@slack/bolt";
import type { PlatformUserProfile, Workspace } from "../core/shared/model.ts";
import type { PlatformUsers } from "../core/shared/ports.ts";
import type { PlatformRoster, RosterPage } from "../core/shared/roster.ts";
import { SlackUser } from "./payloads.ts";
import { ErrorCode, SpurError } from "../core/shared/errors.ts";
import { classifySlackError, slackErrorCode } from "./slack-errors.ts";
import { msg } from "../i18n/message.ts";

export function profileFromSlackUser(user: SlackUser): PlatformUserProfile {
  const displayName = user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || user.id;
  return {
    platformUserId: user.id,
    displayName,
    handle: user.name ?? null,
    email: user.profile?.email ?? null,
    timeZone: user.tz ?? null,
    ...(user.locale ? { locale: user.locale } : {}),
    isBot: Boolean(user.is_bot) || user.id === "USLACKBOT",
    isDeactivated: Boolean(user.deleted),
    isWorkspaceAdmin: Boolean(user.is_admin || user.is_owner),
  };
}

export class SlackUsers implements PlatformUsers {
  /** `clientFor` answers null for a workspace Spur is not installed in. */
  constructor(private readonly clientFor: (workspace: Workspace) => Promise<webApi.WebClient | null>) {}

  async lookup(workspace: Workspace, platformUserId: string): Promise<PlatformUserProfile | null> {
    const client = await this.clientFor(workspace);
    if (!client) throw new SpurError(ErrorCode.NotInstalled, msg("error.notInstalled"));
    try {
      const res = await client.users.info({ user: platformUserId, include_locale: true });
      const parsed = SlackUser.safeParse(res.user);
      return parsed.success ? profileFromSlackUser(parsed.data) : null;
    } catch (err) {
      if (slackErrorCode(err) === "user_not_found") return null;
      throw classifySlackError(err);
    }
  }
}

/** People per users.list page: Slack's recommended maximum. */
export const USERS_LIST_PAGE_SIZE = 200;

export class SlackRoster implements PlatformRoster {
  /** `clientFor` answers null for a workspace Spur is not installed in. */
  constructor(private readonly clientFor: (workspace: Workspace) => Promise<webApi.WebClient | null>) {}

  async page(workspace: Workspace, cursor: string | null): Promise<RosterPage | null> {
    const client = await this.clientFor(workspace);
    if (!client) return null;
    try {
      const res = await client.users.list({ limit: USERS_LIST_PAGE_SIZE, include_locale: true, ...(cursor ? { cursor } : {}) });
      const profiles = (res.members ?? []).flatMap((m) => {
        const parsed = SlackUser.safeParse(m);
        return parsed.success ? [profileFromSlackUser(parsed.data)] : [];
      });
      return { profiles, next: res.response_metadata?.next_cursor || null };
    } catch (err) {
      throw classifySlackError(err);
    }
  }
}
