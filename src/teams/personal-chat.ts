// A person's personal chat with Spur: the stored one, or one opened through the Bot Connector (from a
// conversation of the same workspace) and remembered. Used for direct messages and posts to a person.
import type { StoredConversation, TeamsStore } from "../store/teams-store.ts";
import type { TeamsAdapter } from "./adapter.ts";
import { classifyConnectorError } from "./teams-errors.ts";

export async function personalChatWith(adapter: TeamsAdapter, store: TeamsStore, workspaceId: string, platformUserId: string): Promise<StoredConversation> {
  const known = await store.personalChatOf(workspaceId, platformUserId);
  if (known) return known;
  const via = await store.anyActive(workspaceId);
  if (!via) throw new Error(`Spur is not installed in any conversation of Teams workspace ${workspaceId}`);
  const viaConversation = (via.reference.conversation ?? {}) as { tenantId?: string };
  const tenantId = viaConversation.tenantId ?? "";
  let conversationId: string;
  try {
    conversationId = await adapter.createPersonalChat(via.reference, platformUserId, tenantId);
  } catch (err) {
    // 403/404 here means this person can't be messaged (not in the team, app blocked): permanent.
    throw classifyConnectorError(err, `personal chat with ${platformUserId}`);
  }
  const reference = {
    ...via.reference,
    activityId: undefined,
    user: { id: platformUserId },
    conversation: { id: conversationId, conversationType: "personal", tenantId, isGroup: false },
  };
  await store.remember(
    {
      workspaceId,
      conversationId,
      conversationType: "personal",
      serviceUrl: String(via.reference.serviceUrl ?? ""),
      reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    },
    true,
  );
  const stored = await store.find(workspaceId, conversationId);
  if (!stored) throw new Error(`The personal chat ${conversationId} was not stored`);
  return stored;
}
