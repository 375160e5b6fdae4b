// DirectMessenger for Teams: feedback requests, reminders, summaries and recognition prompts go to the
// person's personal chat with Spur, opened through the Bot Connector when they have none yet. Posts spend
// the same per-tenant and per-conversation budget as the notifier; 403 (bot blocked) deactivates the chat.
import type { DirectMessage, DirectMessenger } from "../core/feedback/feedback-ports.ts";
import type { PostedRef } from "../core/shared/ports.ts";
import type { RateBudget } from "../jobs/rate-budget.ts";
import type { Locale } from "../i18n/locale.ts";
import type { StoredConversation, TeamsStore } from "../store/teams-store.ts";
import type { TeamsAdapter } from "./adapter.ts";
import { renderTeamsDirectMessage } from "./cards/direct-messages.ts";
import { toActivity } from "./cards/render.ts";
import { personalChatWith } from "./personal-chat.ts";
import { classifyConnectorError, ConversationGoneError } from "./teams-errors.ts";

export class TeamsDirectMessenger implements DirectMessenger {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly store: TeamsStore,
    private readonly budget: RateBudget,
    private readonly workspaceId: string,
    /** Whose budget the messages spend: the tenant, shared with the notifier and all its teams. */
    private readonly tenantId: string,
    /** The workspace's language, read when a message is sent: for recipients whose own Spur doesn't know. */
    private readonly workspaceLocale: () => Promise<Locale>,
  ) {}

  /** The ref is "<stored conversation id>:<activity id>" (Teams conversation ids contain colons, row ids don't). */
  async send(platformUserId: string, message: DirectMessage): Promise<PostedRef> {
    const chat = await personalChatWith(this.adapter, this.store, this.workspaceId, platformUserId);
    await this.budget.acquire(`teams:${this.tenantId}`, chat.conversationId);
    try {
      const activityId = await this.adapter.send(chat.reference, toActivity(renderTeamsDirectMessage(message, platformUserId, await this.workspaceLocale())));
      return { channelId: chat.id, messageRef: activityId };
    } catch (err) {
      throw await this.failure(err, chat);
    }
  }

  async update(ref: string, message: DirectMessage): Promise<void> {
    const separator = ref.indexOf(":");
    const chat = separator > 0 ? await this.store.findById(ref.slice(0, separator)) : null;
    const activityId = ref.slice(separator + 1);
    if (!chat || chat.workspaceId !== this.workspaceId || !chat.active || activityId === "") return;
    try {
      await this.adapter.update(chat.reference, activityId, toActivity(renderTeamsDirectMessage(message, ref, await this.workspaceLocale())));
    } catch (err) {
      throw await this.failure(err, chat);
    }
  }

  private async failure(err: unknown, chat: StoredConversation): Promise<Error> {
    const classified = classifyConnectorError(err, chat.conversationId);
    if (classified instanceof ConversationGoneError) await this.store.deactivate(this.workspaceId, chat.conversationId);
    return classified;
  }
}
