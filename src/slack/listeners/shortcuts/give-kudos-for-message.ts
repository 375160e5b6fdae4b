// Message shortcut "Give kudos for this message": the kudos modal, pre-filled with the author and a link.
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { kudosModal } from "../../blocks/kudos-modal.ts";
import { MessageShortcut } from "../../recognition-payloads.ts";

export const GIVE_KUDOS_SHORTCUT = "give_kudos_for_message";

export function registerGiveKudosShortcut(app: App, services: Services): void {
  app.shortcut(GIVE_KUDOS_SHORTCUT, async ({ ack, body, client }) => {
    await ack();
    const parsed = MessageShortcut.safeParse(body);
    if (!parsed.success) {
      services.logger.warn({ issues: parsed.error.issues }, "malformed message shortcut");
      return;
    }
    const { team, channel, message, trigger_id: triggerId } = parsed.data;
    const { workspace } = await services.workspaces.ensure("slack", team.id, { teamTimeZone: services.defaultTimeZone });
    // trigger_id expires after 3 seconds: look up settings and the permalink together.
    const [settings, permalink] = await Promise.all([
      services.recognitionSettings.get(workspace.id),
      client.chat
        .getPermalink({ channel: channel.id, message_ts: message.ts })
        .then((r) => r.permalink ?? null)
        .catch(() => null),
    ]);
    await client.views.open({
      trigger_id: triggerId,
      view: kudosModal(
        settings,
        { users: message.user ? [message.user] : [], permalink },
        { channelId: channel.id, sourceRef: permalink, source: "shortcut" },
      ),
    });
  });
}
