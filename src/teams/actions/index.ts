// Every Adaptive Card action Spur answers, and the one entry point for `adaptiveCard/action` invokes: find the
// workspace and the person, run the handler, and turn its result or refusal into the invoke response.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { isSpurError, unknownActor } from "../../core/shared/errors.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../cards/adaptive-card.ts";
import { baseConversationId, type TeamsDeps, workspaceOf } from "../command-context.ts";
import { teamsSpelling } from "../mentions.ts";
import { type CardAction, type CardActionContext, type CardActionResult, STALE_CARD } from "./card-action.ts";
import { feedbackFormSubmit } from "./feedback-form.ts";
import { feedbackGive, feedbackSkip } from "./feedback-request.ts";
import { forgetConfirm } from "./forget-confirm.ts";
import { historyPage } from "./history-page.ts";
import { kudosFormSubmit } from "./kudos-form.ts";
import { promptDismiss, promptKudos } from "./recognition-prompt.ts";
import { settingsFormSubmit } from "./settings-form.ts";
import { scorecardExplainButton, scorecardNextButton, scorecardPreviousButton, scorecardSendButton } from "./scorecard-buttons.ts";

export const CARD_ACTIONS: CardAction[] = [
  kudosFormSubmit,
  scorecardPreviousButton,
  scorecardNextButton,
  scorecardExplainButton,
  scorecardSendButton,
  feedbackGive,
  feedbackSkip,
  feedbackFormSubmit,
  promptKudos,
  promptDismiss,
  historyPage,
  forgetConfirm,
  settingsFormSubmit,
];

const MESSAGE_CONTENT_TYPE = "application/vnd.microsoft.activity.message";

function toResponse(result: CardActionResult): AdaptiveCardInvokeResponse {
  if ("message" in result) return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: result.message as unknown as Record<string, unknown> };
  const card = result.card.card;
  if (!card) return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: result.card.text as unknown as Record<string, unknown> };
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
}

/** The record of the invoke's data, or {} when it is missing or not an object. */
export function objectData(data: unknown): Record<string, unknown> {
  return typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * Runs an invoke's handler as the person who sent it, in their workspace, counting it under `label`; a refusal
 * (or a failure) becomes a short message for them.
 */
export async function runAsActor(
  deps: TeamsDeps,
  turn: TurnContext,
  label: string,
  data: Record<string, unknown>,
  run: (ctx: CardActionContext) => Promise<CardActionResult>,
): Promise<CardActionResult> {
  const { services } = deps;
  try {
    const { workspace, defaultTeam } = await workspaceOf(deps, turn);
    const actor = await services.members.byPlatformId(workspace, defaultTeam.id, turn.activity.from.id);
    if (!actor) throw unknownActor();
    const result = await run({
      turn,
      workspace,
      defaultTeam,
      actor,
      conversationId: baseConversationId(turn.activity.conversation.id),
      conversationType: turn.activity.conversation.conversationType ?? "personal",
      data,
    });
    services.metrics.commands.inc({ command: label, outcome: "ok" });
    return result;
  } catch (err) {
    if (isSpurError(err)) {
      services.metrics.commands.inc({ command: label, outcome: "refused" });
      services.logger.info({ code: err.code, action: label }, "Teams action refused");
      return { message: `⚠️ ${teamsSpelling(err.userMessage)}` };
    }
    services.metrics.commands.inc({ command: label, outcome: "error" });
    services.logger.error({ err, action: label }, "Teams action failed");
    return { message: "⚠️ Something went wrong on Spur's side. Please try again in a minute." };
  }
}

export async function handleCardAction(deps: TeamsDeps, turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  const verb = value.action?.verb ?? "";
  const action = CARD_ACTIONS.find((a) => a.verb === verb);
  if (!action) {
    deps.services.logger.warn({ verb: verb.slice(0, 50) }, "unknown Adaptive Card action");
    return toResponse({ message: `⚠️ ${STALE_CARD}` });
  }
  return toResponse(await runAsActor(deps, turn, `teams:card:${verb}`, objectData(value.action.data), (ctx) => action.run(deps, ctx)));
}
