// Every Adaptive Card action Spur answers, and the one entry point for `adaptiveCard/action` invokes: find the
// workspace and the person, run the handler, and turn its result or refusal into the invoke response.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { isSpurError } from "../../core/errors.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../cards/adaptive-card.ts";
import { baseConversationId, type TeamsDeps, workspaceOf } from "../command-context.ts";
import { teamsSpelling } from "../mentions.ts";
import { type CardAction, type CardActionResult, STALE_CARD } from "./card-action.ts";
import { feedbackFormSubmit } from "./feedback-form.ts";
import { feedbackGive, feedbackSkip } from "./feedback-request.ts";
import { historyPage } from "./history-page.ts";
import { kudosFormSubmit } from "./kudos-form.ts";
import { promptDismiss, promptKudos } from "./recognition-prompt.ts";
import { scorecardExplain, scorecardNext, scorecardPrevious, scorecardSend } from "./scorecard-buttons.ts";

export const CARD_ACTIONS: CardAction[] = [
  kudosFormSubmit,
  scorecardPrevious,
  scorecardNext,
  scorecardExplain,
  scorecardSend,
  feedbackGive,
  feedbackSkip,
  feedbackFormSubmit,
  promptKudos,
  promptDismiss,
  historyPage,
];

const MESSAGE_CONTENT_TYPE = "application/vnd.microsoft.activity.message";

function toResponse(result: CardActionResult): AdaptiveCardInvokeResponse {
  if ("message" in result) return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: result.message as unknown as Record<string, unknown> };
  const card = result.card.card;
  if (!card) return { statusCode: 200, type: MESSAGE_CONTENT_TYPE, value: result.card.text as unknown as Record<string, unknown> };
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
}

export async function handleCardAction(deps: TeamsDeps, turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  const { services } = deps;
  const verb = value.action?.verb ?? "";
  const action = CARD_ACTIONS.find((a) => a.verb === verb);
  const label = `teams:card:${action ? verb : "unknown"}`;
  if (!action) {
    services.logger.warn({ verb: verb.slice(0, 50) }, "unknown Adaptive Card action");
    return toResponse({ message: `⚠️ ${STALE_CARD}` });
  }
  try {
    const { workspace, defaultTeam } = await workspaceOf(deps, turn);
    const actor = await services.members.byPlatformId(workspace, defaultTeam.id, turn.activity.from.id);
    if (!actor) return toResponse({ message: "⚠️ I couldn't look you up in this workspace. Please try again." });
    const data = value.action.data;
    const result = await action.run(deps, {
      turn,
      workspace,
      defaultTeam,
      actor,
      conversationId: baseConversationId(turn.activity.conversation.id),
      conversationType: turn.activity.conversation.conversationType ?? "personal",
      data: typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    });
    services.metrics.commands.inc({ command: label, outcome: "ok" });
    return toResponse(result);
  } catch (err) {
    if (isSpurError(err)) {
      services.metrics.commands.inc({ command: label, outcome: "refused" });
      services.logger.info({ code: err.code, action: verb }, "card action refused");
      return toResponse({ message: `⚠️ ${teamsSpelling(err.userMessage)}` });
    }
    services.metrics.commands.inc({ command: label, outcome: "error" });
    services.logger.error({ err, action: verb }, "card action failed");
    return toResponse({ message: "⚠️ Something went wrong on Spur's side. Please try again in a minute." });
  }
}
