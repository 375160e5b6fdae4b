// Whether a Slack conversation is private (a private channel, a DM or a group DM): what is said there must
// not be copied somewhere more public, such as the recognition channel. Channel ids alone don't tell (private
// channels have C… ids too), so conversations.info is asked; when Slack can't say (no scope, not found, down),
// the conversation counts as private.
import type { webApi } from "@slack/bolt";
import type { Logger } from "../logger.ts";

export async function isPrivateSlackConversation(client: webApi.WebClient, channel: string, logger: Logger): Promise<boolean> {
  // D… a direct message, G… a private channel or group DM from before Slack gave those C… ids.
  if (channel.startsWith("D") || channel.startsWith("G")) return true;
  try {
    const res = await client.conversations.info({ channel });
    const c = res.channel;
    if (!c) return true;
    return Boolean(c.is_private || c.is_im || c.is_mpim || c.is_group);
  } catch (err) {
    logger.info({ err, channel }, "could not tell whether a Slack conversation is public: treated as private");
    return true;
  }
}
