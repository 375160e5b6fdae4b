// Export files for Slack: uploaded (files upload flow) into the admin's DM with the bot.
import type { webApi } from "@slack/bolt";
import type { ExportDelivery, ExportFile, ExportRecipient } from "../core/data-rights/data-rights-ports.ts";
import type { Locale } from "../i18n/locale.ts";
import type { Msg } from "../i18n/message.ts";
import { mrkdwn, plainText } from "./render/mrkdwn.ts";
import { classifySlackError } from "./slack-errors.ts";

export class SlackExportDelivery implements ExportDelivery {
  constructor(private readonly client: webApi.WebClient) {}

  async deliver(to: ExportRecipient, files: ExportFile[], comment: Msg, locale: Locale): Promise<void> {
    try {
      const dm = await this.client.conversations.open({ users: to.platformUserId });
      const channel = dm.channel?.id;
      if (!channel) throw new Error("conversations.open returned no channel");
      await this.client.filesUploadV2({
        channel_id: channel,
        initial_comment: mrkdwn(comment, locale),
        file_uploads: files.map((f) => ({ file: f.path, filename: f.filename, title: plainText(f.title, locale) })),
      });
    } catch (err) {
      throw classifySlackError(err);
    }
  }
}
