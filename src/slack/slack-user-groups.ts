// Slack's user groups (usergroups.list, usergroups.users.list) as the domain's UserGroupDirectory. A Teams
// workspace has none: Teams maps its own teams and channels to Spur teams.
import type { webApi } from "@slack/bolt";
import { z } from "zod";
import type { UserGroup, UserGroupDirectory } from "../core/admin/user-group-ports.ts";
import { ErrorCode, SpurError } from "../core/shared/errors.ts";
import type { Workspace } from "../core/shared/model.ts";
import { msg } from "../i18n/message.ts";
import { classifySlackError, slackErrorCode } from "./slack-errors.ts";

const GroupList = z.object({ usergroups: z.array(z.object({ id: z.string(), handle: z.string().default(""), name: z.string().default("") })).default([]) });
const GroupUsers = z.object({ users: z.array(z.string()).default([]) });

/** What Slack answers for a group id the workspace does not have. */
const UNKNOWN_GROUP = new Set(["no_such_subteam", "subteam_not_found", "invalid_usergroup"]);

export class SlackUserGroups implements UserGroupDirectory {
  /** `clientFor` answers null for a workspace Spur is not installed in. */
  constructor(private readonly clientFor: (workspace: Workspace) => Promise<webApi.WebClient | null>) {}

  supports(workspace: Workspace): boolean {
    return workspace.platform === "slack";
  }

  private async client(workspace: Workspace): Promise<webApi.WebClient> {
    const client = await this.clientFor(workspace);
    if (!client) throw new SpurError(ErrorCode.NotInstalled, msg("error.notInstalled"));
    return client;
  }

  async members(workspace: Workspace, groupId: string): Promise<string[] | null> {
    if (!this.supports(workspace)) return null;
    const client = await this.client(workspace);
    try {
      const res = await client.usergroups.users.list({ usergroup: groupId, include_disabled: false });
      return GroupUsers.parse(res).users;
    } catch (err) {
      if (UNKNOWN_GROUP.has(slackErrorCode(err) ?? "")) return null;
      throw classifySlackError(err);
    }
  }

  async list(workspace: Workspace): Promise<UserGroup[]> {
    if (!this.supports(workspace)) return [];
    const client = await this.client(workspace);
    try {
      const res = await client.usergroups.list({ include_disabled: false });
      return GroupList.parse(res).usergroups.map((g) => ({ id: g.id, handle: g.handle || g.id, name: g.name || g.handle || g.id }));
    } catch (err) {
      throw classifySlackError(err);
    }
  }
}
