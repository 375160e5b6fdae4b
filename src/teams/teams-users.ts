// PlatformUsers for Teams: the roster (TeamsInfo.getMember) of a conversation the bot is in, mapped to the
// domain's profile. Works outside a turn too, through a stored conversation reference of the workspace.
import type { TeamsChannelAccount } from "botbuilder";
import type { PlatformUserProfile, Workspace } from "../core/shared/model.ts";
import type { PlatformUsers } from "../core/shared/ports.ts";
import type { PlatformRoster, RosterPage } from "../core/shared/roster.ts";
import type { TeamsStore } from "../store/teams-store.ts";
import type { TeamsAdapter } from "./adapter.ts";
import { namesAdmin } from "./admin-identities.ts";
import { classifyConnectorError, connectorStatus } from "./teams-errors.ts";

// botbuilder comes in with the Teams adapter (teams-endpoint.ts), not with this file, which every process imports.
const teamsInfo = async () => (await import("botbuilder")).TeamsInfo;

/** Bot Framework ids of bots start with "28:"; people's with "29:". */
export function isTeamsBotId(id: string): boolean {
  return id.startsWith("28:");
}

export function isTeamsPersonId(id: string): boolean {
  return id.startsWith("29:");
}

/** The person as Spur stores them; a team owner or bootstrap admin is stored as an admin (on first sight only). */
export function profileFromTeamsAccount(account: TeamsChannelAccount, bootstrapAdmins: readonly string[]): PlatformUserProfile {
  const email = account.email ?? account.userPrincipalName ?? null;
  return {
    platformUserId: account.id,
    displayName: account.name || account.givenName || email || account.id,
    // A bare "@ana" in a message matches the local part of the person's sign-in name.
    handle: email ? (email.split("@")[0] ?? null) : null,
    email,
    timeZone: null,
    isBot: isTeamsBotId(account.id),
    isDeactivated: false,
    isWorkspaceAdmin: !isTeamsBotId(account.id) && namesAdmin(account, bootstrapAdmins),
  };
}

/** People per roster page asked for, and the most a roster listing reads (a card can't offer more). */
const ROSTER_PAGE_SIZE = 100;
export const MAX_ROSTER = 500;

export class TeamsUsers implements PlatformUsers, PlatformRoster {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly store: TeamsStore,
    private readonly bootstrapAdmins: readonly string[],
  ) {}

  async lookup(workspace: Workspace, platformUserId: string): Promise<PlatformUserProfile | null> {
    if (isTeamsBotId(platformUserId)) {
      return { platformUserId, displayName: "That app", handle: null, email: null, timeZone: null, isBot: true, isDeactivated: false, isWorkspaceAdmin: false };
    }
    const conversation = await this.store.anyActive(workspace.id);
    if (!conversation) return null;
    const roster: { account?: TeamsChannelAccount } = {};
    try {
      await this.adapter.continueConversation(conversation.reference, async (context) => {
        roster.account = await (await teamsInfo()).getMember(context, platformUserId);
      });
    } catch (err) {
      // Not a member of the team/chat: nobody we can give kudos to here.
      if (connectorStatus(err) === 404 || connectorStatus(err) === 400) return null;
      throw classifyConnectorError(err, conversation.conversationId);
    }
    const { account } = roster;
    if (!account) return null;
    await this.remember(workspace, account);
    return profileFromTeamsAccount(account, this.bootstrapAdmins);
  }

  /** Keeps the person's Entra ID identity, which KPI ingestion maps agents by. */
  async remember(workspace: Workspace, account: TeamsChannelAccount): Promise<void> {
    await this.store.rememberIdentity(workspace.id, {
      platformUserId: account.id,
      aadObjectId: account.aadObjectId ?? null,
      userPrincipalName: account.userPrincipalName ?? null,
    });
  }

  /** One page of the workspace's roster for the roster sync (bots included: they are stored as bots). */
  async page(workspace: Workspace, cursor: string | null): Promise<RosterPage | null> {
    const conversation = await this.store.anyActive(workspace.id);
    if (!conversation) return null;
    const result: RosterPage = { profiles: [], next: null };
    let accounts: TeamsChannelAccount[] = [];
    try {
      await this.adapter.continueConversation(conversation.reference, async (context) => {
        const page = await (await teamsInfo()).getPagedMembers(context, ROSTER_PAGE_SIZE, cursor ?? undefined);
        accounts = page.members;
        result.next = page.continuationToken || null;
      });
    } catch (err) {
      throw classifyConnectorError(err, conversation.conversationId);
    }
    for (const account of accounts) if (!isTeamsBotId(account.id)) await this.remember(workspace, account);
    result.profiles = accounts.map((a) => profileFromTeamsAccount(a, this.bootstrapAdmins));
    return result;
  }

  /**
   * The people of the workspace's team (or chat), as its roster lists them, page by page (TeamsInfo's paged
   * members); bots left out. Null when Spur is in no conversation of the workspace to ask from.
   */
  async roster(workspace: Workspace): Promise<PlatformUserProfile[] | null> {
    const conversation = await this.store.anyActive(workspace.id);
    if (!conversation) return null;
    const accounts: TeamsChannelAccount[] = [];
    try {
      await this.adapter.continueConversation(conversation.reference, async (context) => {
        let token: string | undefined;
        do {
          const page = await (await teamsInfo()).getPagedMembers(context, ROSTER_PAGE_SIZE, token);
          accounts.push(...page.members);
          token = page.continuationToken || undefined;
        } while (token && accounts.length < MAX_ROSTER);
      });
    } catch (err) {
      throw classifyConnectorError(err, conversation.conversationId);
    }
    return accounts.slice(0, MAX_ROSTER).map((a) => profileFromTeamsAccount(a, this.bootstrapAdmins)).filter((p) => !p.isBot);
  }
}
