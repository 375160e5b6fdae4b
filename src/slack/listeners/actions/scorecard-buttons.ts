// The scorecard's buttons (previous / next / explain / send to agent): the same use cases as Teams' card
// actions; the button's value names the member and period, the click's user is who must be allowed to see it.
import type { ListenerTable } from "../../listener-table.ts";
import type { Services } from "../../../app/services.ts";
import type { Interaction } from "../../../use-cases/interaction.ts";
import { SCORECARD_BUTTONS, ScorecardButton, type ScorecardButtonDeps, scorecardStaleButton } from "../../../use-cases/kpi/scorecard-buttons.ts";
import { BlockAction } from "../../recognition-payloads.ts";
import { slackActionId } from "../../render/blocks.ts";
import { runOnSlack } from "../../run-interaction.ts";
import { acknowledgeAfter } from "../../command-ack.ts";

function register(app: ListenerTable, services: Services, interaction: Interaction<ScorecardButtonDeps, ScorecardButton>): void {
  const actionId = slackActionId(interaction.name);
  app.action(actionId, async ({ ack, body, respond, client }) => {
    await acknowledgeAfter(services.logger, ack, async () => {
      const parsed = BlockAction.safeParse(body);
      if (!parsed.success) {
        services.logger.warn({ action: actionId }, "malformed scorecard button payload");
        return;
      }
      const { team, user, actions } = parsed.data;
      const turn = { teamId: team.id, userId: user.id, channelId: null, idempotencyKey: `slack:action:${team.id}:${user.id}`, client, respond, label: actionId, via: "action" as const };
      const value = ScorecardButton.safeParse(safeJson(actions[0]?.value));
      if (!value.success) return runOnSlack(services, turn, scorecardStaleButton, null, null);
      await runOnSlack(services, turn, interaction, services, value.data);
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

export function registerScorecardButtons(app: ListenerTable, services: Services): void {
  for (const interaction of Object.values(SCORECARD_BUTTONS)) register(app, services, interaction);
}

