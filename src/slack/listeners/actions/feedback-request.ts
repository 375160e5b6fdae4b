// The buttons of a feedback request DM: "Give feedback" opens the feedback modal, "Skip" declines.
import type { RespondFn } from "@slack/bolt";
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import { DEFAULT_LOCALE } from "../../../i18n/locale.ts";
import { msg } from "../../../i18n/message.ts";
import type { FeedbackRequestActionDeps } from "../../../use-cases/feedback/feedback-request-actions.ts";
import { FEEDBACK_GIVE_ACTION, FEEDBACK_SKIP_ACTION } from "../../../use-cases/feedback/feedback-dm-bodies.ts";
import { FeedbackRequestClick, giveRequestedFeedback, skipRequestedFeedback } from "../../../use-cases/feedback/feedback-request-actions.ts";
import { refusal } from "../../../use-cases/failure.ts";
import type { Interaction } from "../../../use-cases/interaction.ts";
import { BlockActionPayload } from "../../feedback-payloads.ts";
import { renderBody, slackActionId } from "../../render/blocks.ts";
import { runOnSlack } from "../../run-interaction.ts";
import { acknowledgeAfter } from "../../command-ack.ts";

/** The button's value: `{"requestId":…}`, or the bare id DMs sent before the buttons carried JSON. */
function clickOf(value: string | undefined): FeedbackRequestClick | null {
  let data: unknown = { requestId: value };
  try {
    const json: unknown = JSON.parse(value ?? "");
    if (typeof json === "object" && json !== null) data = json;
  } catch {
    // A bare id.
  }
  const parsed = FeedbackRequestClick.safeParse(data);
  return parsed.success ? parsed.data : null;
}

async function stale(respond: RespondFn): Promise<void> {
  const body = renderBody(refusal(msg("interaction.staleClick")), DEFAULT_LOCALE);
  await respond({ response_type: "ephemeral", replace_original: false, text: body.text, blocks: body.blocks ?? [] }).catch(() => undefined);
}

function register(app: ListenerTable, services: Services, action: string, interaction: Interaction<FeedbackRequestActionDeps, FeedbackRequestClick>): void {
  const actionId = slackActionId(action);
  app.action(actionId, async ({ ack, body, respond, client }) => {
    await acknowledgeAfter(services.logger, ack, async () => {
      const parsed = BlockActionPayload.safeParse(body);
      const click = parsed.success ? clickOf(parsed.data.actions[0]?.value) : null;
      if (!parsed.success || !click) {
        services.logger.warn({ action: actionId }, "malformed feedback request click");
        return stale(respond);
      }
      const { team, user, trigger_id } = parsed.data;
      await runOnSlack(
        services,
        { teamId: team.id, userId: user.id, channelId: null, idempotencyKey: `slack:action:${team.id}:${trigger_id}`, triggerId: trigger_id, client, respond, label: actionId, via: "action" },
        interaction,
        services,
        click,
      );
    });
  });
}

export function registerFeedbackRequestActions(app: ListenerTable, services: Services): void {
  register(app, services, FEEDBACK_GIVE_ACTION, giveRequestedFeedback);
  register(app, services, FEEDBACK_SKIP_ACTION, skipRequestedFeedback);
}
