// Shared steps of every Teams message command: find the workspace (tenant + team), remember where the bot
// can post, read the command text, and reply with specific messages.
import { TurnContext } from "botbuilder";
import type { Services } from "../app/services.ts";
import type { Team, Workspace } from "../core/shared/model.ts";
import type { TeamsStore } from "../store/teams-store.ts";
import type { TeamsAdapter } from "./adapter.ts";
import { type TeamsMessage } from "./cards/adaptive-card.ts";
import { toActivity } from "./cards/render.ts";
import { teamsCommandText, type TeamsCommandText } from "./mentions.ts";

export interface TeamsDeps {
  services: Services;
  store: TeamsStore;
  adapter: TeamsAdapter;
  /** SPUR_BOOTSTRAP_ADMINS: sign-in names, emails or Entra object ids (lower-case) of people who are Spur admins. */
  bootstrapAdmins: readonly string[];
}

export interface TeamsCommandContext {
  turn: TurnContext;
  workspace: Workspace;
  defaultTeam: Team;
  /** The sender's Bot Framework user id ("29:…"), the member's platform id. */
  userId: string;
  /** The conversation without a thread suffix: where proactive posts to it go. */
  conversationId: string;
  conversationType: string;
  message: TeamsCommandText;
  reply(message: TeamsMessage): Promise<void>;
}

interface ChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  /** A team channel's name (Teams leaves it out for the team's General channel). */
  channel?: { id?: string; name?: string };
}

/** A channel thread's conversation id carries `;messageid=…`; posts to the channel itself go without it. */
export function baseConversationId(id: string): string {
  return id.split(";messageid=")[0] ?? id;
}

export function tenantOf(turn: TurnContext): string {
  const channelData = (turn.activity.channelData ?? {}) as ChannelData;
  return turn.activity.conversation?.tenantId ?? channelData.tenant?.id ?? "no-tenant";
}

/**
 * The workspace a turn belongs to: the tenant and team for team channels; for a personal chat, the team the
 * sender was last seen in (falling back to the chat itself); for group chats, the chat.
 */
export async function workspaceOf(deps: TeamsDeps, turn: TurnContext) {
  const activity = turn.activity;
  const tenant = tenantOf(turn);
  const channelData = (activity.channelData ?? {}) as ChannelData;
  const conversationId = baseConversationId(activity.conversation.id);
  let externalId = `${tenant}:${channelData.team?.id ?? conversationId}`;
  if (!channelData.team?.id && (activity.conversation.conversationType ?? "personal") === "personal" && activity.from?.id) {
    externalId = (await deps.store.teamWorkspaceOf(tenant, activity.from.id)) ?? externalId;
  }
  const ensured = await deps.services.workspaces.ensure("teams", externalId, { teamTimeZone: deps.services.defaultTimeZone });
  if (ensured.teamCreated) await deps.services.jobs.syncTeamSchedules(ensured.defaultTeam);
  return ensured;
}

/** Stores the turn's conversation reference so Spur can post there later (shoutouts, digests). */
export async function rememberConversation(deps: TeamsDeps, turn: TurnContext, workspaceId: string, force = false): Promise<void> {
  // Without the incoming activity's id: proactive posts start their own thread rather than reply to it.
  const { activityId: _activityId, ...reference } = TurnContext.getConversationReference(turn.activity);
  const conversationId = baseConversationId(turn.activity.conversation.id);
  // The channel's name, when Teams says it, names it where admins pick a channel (the settings form).
  const name = ((turn.activity.channelData ?? {}) as ChannelData).channel?.name ?? reference.conversation?.name;
  await deps.store.remember(
    {
      workspaceId,
      conversationId,
      conversationType: turn.activity.conversation.conversationType ?? null,
      serviceUrl: turn.activity.serviceUrl,
      reference: { ...reference, conversation: { ...reference.conversation, id: conversationId, ...(name ? { name } : {}) } } as Record<string, unknown>,
    },
    force,
  );
}

export async function teamsCommandContext(deps: TeamsDeps, turn: TurnContext): Promise<TeamsCommandContext> {
  const { workspace, defaultTeam } = await workspaceOf(deps, turn);
  await rememberConversation(deps, turn, workspace.id);
  return {
    turn,
    workspace,
    defaultTeam,
    userId: turn.activity.from.id,
    conversationId: baseConversationId(turn.activity.conversation.id),
    conversationType: turn.activity.conversation.conversationType ?? "personal",
    message: teamsCommandText(turn.activity),
    reply: async (message) => {
      await turn.sendActivity(toActivity(message));
    },
  };
}
