// Message shortcut "Give kudos for this message": the kudos form, pre-filled with the author and a link.
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { openKudosForm } from "../../../use-cases/recognition/kudos-form.ts";
import { slackPeoplePicker } from "../../people-picker.ts";
import { MessageShortcut } from "../../recognition-payloads.ts";
import { isPrivateSlackConversation } from "../../channel-privacy.ts";
import { runOnSlack } from "../../run-interaction.ts";
import { acknowledgeAfter } from "../../command-ack.ts";

export const GIVE_KUDOS_SHORTCUT = "give_kudos_for_message";

export function registerGiveKudosShortcut(app: ListenerTable, services: Services): void {
  app.shortcut(GIVE_KUDOS_SHORTCUT, async ({ ack, body, client, respond }) => {
    await acknowledgeAfter(services.logger, ack, async () => {
      const parsed = MessageShortcut.safeParse(body);
      if (!parsed.success) {
        services.logger.warn({ issues: parsed.error.issues }, "malformed message shortcut");
        return;
      }
      const { team, user, channel, message, trigger_id: triggerId } = parsed.data;
      // trigger_id expires after 3 seconds: the permalink is asked for without waiting on anything else.
      // A message in a private channel or a DM keeps its link there: the shoutout may go somewhere more public.
      const [permalink, secret] = await Promise.all([
        client.chat
          .getPermalink({ channel: channel.id, message_ts: message.ts })
          .then((r) => r.permalink ?? null)
          .catch(() => null),
        isPrivateSlackConversation(client, channel.id, services.logger),
      ]);
      await runOnSlack(
        services,
        { teamId: team.id, userId: user.id, channelId: channel.id, idempotencyKey: `slack:shortcut:${team.id}:${triggerId}`, triggerId, client, respond, label: GIVE_KUDOS_SHORTCUT, via: "action" },
        openKudosForm,
        { ...services, people: slackPeoplePicker },
        { from: "message", recipients: message.user ? [{ platformUserId: message.user, displayName: message.user }] : [], messageLink: secret ? null : permalink },
      );
    });
  });
}
