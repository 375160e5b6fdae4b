// Export files for Teams: one message in the admin's personal chat with the bot, each file an attachment
// with its content inline (a data: URL). Simple, and needs no OneDrive/SharePoint file-consent flow; but Teams
// limits the size of a message (about 100 KB), so this suits exports of small teams.
import { readFile } from "node:fs/promises";
import type { ExportDelivery, ExportFile, ExportRecipient } from "../core/data-rights/data-rights-ports.ts";
import type { TeamsStore } from "../store/teams-store.ts";
import type { TeamsAdapter } from "./adapter.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Msg } from "../i18n/message.ts";
import { teamsMarkdown, teamsSpeller } from "./render/markdown.ts";
import { classifyConnectorError } from "./teams-errors.ts";

export class TeamsExportDelivery implements ExportDelivery {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly store: TeamsStore,
  ) {}

  async deliver(to: ExportRecipient, files: ExportFile[], comment: Msg, locale: Locale): Promise<void> {
    const conversation = to.conversationId
      ? await this.store.find(to.workspaceId, to.conversationId)
      : await this.store.personalChatOf(to.workspaceId, to.platformUserId);
    if (!conversation?.active) throw new Error("no active personal chat to deliver the export to");
    const attachments = await Promise.all(
      files.map(async (f) => ({
        contentType: f.contentType,
        name: f.filename,
        contentUrl: `data:${f.contentType};base64,${(await readFile(f.path)).toString("base64")}`,
      })),
    );
    try {
      await this.adapter.send(conversation.reference, { type: "message", text: teamsMarkdown(comment, locale, teamsSpeller()), attachments });
    } catch (err) {
      throw classifyConnectorError(err, conversation.conversationId);
    }
  }
}
