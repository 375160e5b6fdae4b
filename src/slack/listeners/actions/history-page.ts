// The Newer / Older buttons of `/kudos history`: the neighbouring page replaces the ephemeral message.
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { HISTORY_PAGE_ACTION } from "../../../use-cases/recognition/kudos-bodies.ts";
import { HistoryCursor, kudosHistoryPage } from "../../../use-cases/recognition/kudos-history-page.ts";
import { BlockAction } from "../../recognition-payloads.ts";
import { slackActionId } from "../../render/blocks.ts";
import { runOnSlack } from "../../run-interaction.ts";
import { acknowledgeAfter } from "../../command-ack.ts";

export function registerHistoryPageAction(app: ListenerTable, services: Services): void {
  const actionId = slackActionId(HISTORY_PAGE_ACTION);
  app.action(new RegExp(`^${actionId}_`), async ({ ack, body, respond, client }) => {
    await acknowledgeAfter(services.logger, ack, async () => {
      const parsed = BlockAction.safeParse(body);
      const cursor = parsed.success ? HistoryCursor.safeParse(safeJson(parsed.data.actions[0]?.value)) : null;
      if (!parsed.success || !cursor?.success) {
        services.logger.warn("malformed history page action");
        return;
      }
      const { team, user } = parsed.data;
      await runOnSlack(
        services,
        { teamId: team.id, userId: user.id, channelId: null, idempotencyKey: `slack:action:${team.id}:${user.id}`, client, respond, label: actionId, via: "action" },
        kudosHistoryPage,
        services,
        cursor.data,
      );
    });
  });
}

function safeJson(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    return null;
  }
}
