// The confirming click of `/spur forget @member`: erases the member's personal data (the same use case as Teams').
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { FORGET_CONFIRM_ACTION, ForgetClick, forgetConfirm } from "../../../use-cases/admin/data-rights.ts";
import { BlockAction } from "../../recognition-payloads.ts";
import { slackActionId } from "../../render/blocks.ts";
import { runOnSlack } from "../../run-interaction.ts";
import { acknowledgeAfter } from "../../command-ack.ts";

export function registerForgetConfirmAction(app: ListenerTable, services: Services): void {
  const actionId = slackActionId(FORGET_CONFIRM_ACTION);
  app.action(actionId, async ({ ack, body, respond, client }) => {
    await acknowledgeAfter(services.logger, ack, async () => {
      const parsed = BlockAction.safeParse(body);
      if (!parsed.success) {
        services.logger.warn("malformed forget confirmation");
        return;
      }
      const { team, user, actions } = parsed.data;
      const click = ForgetClick.safeParse(safeJson(actions[0]?.value));
      await runOnSlack(
        services,
        { teamId: team.id, userId: user.id, channelId: null, idempotencyKey: `slack:action:${team.id}:${user.id}`, client, respond, label: actionId, via: "action" },
        forgetConfirm,
        services,
        { memberId: click.success ? click.data.member : null },
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
