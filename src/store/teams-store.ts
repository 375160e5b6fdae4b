// What Spur keeps about Teams: conversations the bot may post to (stored conversation references), the run
// markers of its posts, and people's Entra ID identities from the roster.
import type { RunMarker } from "../core/shared/ports.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "./prisma.ts";

export interface StoredConversation {
  id: string;
  workspaceId: string;
  conversationId: string;
  conversationType: string | null;
  /** The Bot Framework ConversationReference as botbuilder produced it. */
  reference: Record<string, unknown>;
  active: boolean;
}

export interface ConversationUpsert {
  workspaceId: string;
  conversationId: string;
  conversationType: string | null;
  serviceUrl: string;
  reference: Record<string, unknown>;
}

export interface TeamsIdentity {
  platformUserId: string;
  aadObjectId: string | null;
  userPrincipalName: string | null;
}

export class TeamsStore {
  // Messages refresh a conversation's reference; one write per conversation and process is enough
  // unless Teams moves it to another service URL or names it anew.
  private readonly seen = new Map<string, string>();

  constructor(private readonly db: Db) {}

  /** Records a member's Entra ID identity as the roster reported it (for KPI ingestion to map agents). */
  async rememberIdentity(workspaceId: string, identity: TeamsIdentity): Promise<void> {
    const data = { aadObjectId: identity.aadObjectId, userPrincipalName: identity.userPrincipalName };
    await this.db.teamsUser.upsert({
      where: { workspaceId_platformUserId: { workspaceId, platformUserId: identity.platformUserId } },
      create: { workspaceId, platformUserId: identity.platformUserId, ...data },
      update: data,
    });
  }

  /** Records (or reactivates) a conversation; a no-op when this process already stored the same service URL and name. */
  async remember(input: ConversationUpsert, force = false): Promise<void> {
    const key = `${input.workspaceId}:${input.conversationId}`;
    const conversation = input.reference.conversation as { name?: unknown } | undefined;
    const seenAs = `${input.serviceUrl}\n${typeof conversation?.name === "string" ? conversation.name : ""}`;
    if (!force && this.seen.get(key) === seenAs) return;
    const data = {
      conversationType: input.conversationType,
      serviceUrl: input.serviceUrl,
      reference: input.reference as Prisma.InputJsonValue,
      active: true,
    };
    await this.db.teamsConversation.upsert({
      where: { workspaceId_conversationId: { workspaceId: input.workspaceId, conversationId: input.conversationId } },
      create: { workspaceId: input.workspaceId, conversationId: input.conversationId, ...data },
      update: data,
    });
    this.seen.set(key, seenAs);
  }

  async find(workspaceId: string, conversationId: string): Promise<StoredConversation | null> {
    const row = await this.db.teamsConversation.findUnique({
      where: { workspaceId_conversationId: { workspaceId, conversationId } },
    });
    return row ? toStored(row) : null;
  }

  /** A stored conversation by its row id (the id direct-message refs carry). */
  async findById(id: string): Promise<StoredConversation | null> {
    const row = await this.db.teamsConversation.findUnique({ where: { id } });
    return row ? toStored(row) : null;
  }

  /** An active conversation of the workspace, channels first: where roster look-ups can be made. */
  async anyActive(workspaceId: string): Promise<StoredConversation | null> {
    const rows = await this.db.teamsConversation.findMany({ where: { workspaceId, active: true }, orderBy: { updatedAt: "desc" } });
    const row = rows.find((r) => r.conversationType === "channel") ?? rows[0];
    return row ? toStored(row) : null;
  }

  /** The workspace's team channels Spur is in (it can post there), most recently active first. */
  async activeChannels(workspaceId: string): Promise<StoredConversation[]> {
    const rows = await this.db.teamsConversation.findMany({ where: { workspaceId, active: true, conversationType: "channel" }, orderBy: { updatedAt: "desc" } });
    return rows.map(toStored);
  }

  /** The person's active personal chat with the bot in this workspace, if they have one. */
  async personalChatOf(workspaceId: string, platformUserId: string): Promise<StoredConversation | null> {
    const row = await this.db.teamsConversation.findFirst({
      where: { workspaceId, active: true, conversationType: "personal", reference: { path: ["user", "id"], equals: platformUserId } },
      orderBy: { updatedAt: "desc" },
    });
    return row ? toStored(row) : null;
  }

  async deactivate(workspaceId: string, conversationId: string): Promise<void> {
    await this.db.teamsConversation.updateMany({ where: { workspaceId, conversationId }, data: { active: false } });
    this.seen.delete(`${workspaceId}:${conversationId}`);
  }

  /**
   * The team workspace of a tenant in which this Teams user is a member, most recently active first: a
   * personal chat with the bot belongs to no team, so it acts in the team the person works in.
   */
  /** Returns the workspace's external id. */
  async teamWorkspaceOf(tenantId: string, platformUserId: string): Promise<string | null> {
    const member = await this.db.member.findFirst({
      include: { workspace: true },
      where: {
        platformUserId,
        // Personal chats' conversation ids start with "a:"; teams and group chats with "19:".
        workspace: { platform: "teams", AND: [{ externalId: { startsWith: `${tenantId}:` } }, { NOT: { externalId: { startsWith: `${tenantId}:a:` } } }] },
      },
      orderBy: { updatedAt: "desc" },
    });
    return member?.workspace.externalId ?? null;
  }

  async hasAdmin(workspaceId: string): Promise<boolean> {
    return (await this.db.member.count({ where: { workspaceId, role: "admin" } })) > 0;
  }

  /** The email, sign-in name and Entra object id Spur knows for a member (what SPUR_BOOTSTRAP_ADMINS lists). */
  async identitiesOf(workspaceId: string, platformUserId: string): Promise<string[]> {
    const [member, user] = await Promise.all([
      this.db.member.findUnique({ where: { workspaceId_platformUserId: { workspaceId, platformUserId } }, select: { email: true } }),
      this.db.teamsUser.findUnique({ where: { workspaceId_platformUserId: { workspaceId, platformUserId } } }),
    ]);
    return [member?.email, user?.userPrincipalName, user?.aadObjectId].filter((v): v is string => Boolean(v));
  }

  /**
   * Makes the member an admin if the workspace has none yet: in a group chat, which nobody owns, whoever
   * installs Spur becomes its first admin. Returns whether the role changed.
   */

  async promoteFirstAdmin(workspaceId: string, memberId: string): Promise<boolean> {
    const changed = await this.db.$executeRaw`
      UPDATE member SET role = 'admin', updated_at = now()
      WHERE id = ${memberId}::uuid AND role <> 'admin'
        AND NOT EXISTS (SELECT 1 FROM member WHERE workspace_id = ${workspaceId}::uuid AND role = 'admin')`;
    return changed > 0;
  }

  async recordPost(conversationRowId: string, marker: RunMarker, activityId: string): Promise<void> {
    const key = markerKey(conversationRowId, marker);
    await this.db.teamsPostMarker.upsert({ where: { conversationId_eventType_teamId_periodKey: key }, create: { ...key, activityId }, update: {} });
  }

  async findPost(conversationRowId: string, marker: RunMarker): Promise<string | null> {
    const row = await this.db.teamsPostMarker.findUnique({
      where: { conversationId_eventType_teamId_periodKey: markerKey(conversationRowId, marker) },
    });
    return row?.activityId ?? null;
  }
}

function markerKey(conversationId: string, marker: RunMarker) {
  return { conversationId, eventType: marker.eventType, teamId: marker.teamId, periodKey: marker.periodKey };
}

function toStored(row: {
  id: string;
  workspaceId: string;
  conversationId: string;
  conversationType: string | null;
  reference: unknown;
  active: boolean;
}): StoredConversation {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    conversationId: row.conversationId,
    conversationType: row.conversationType,
    reference: row.reference as Record<string, unknown>,
    active: row.active,
  };
}
