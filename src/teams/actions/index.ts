// Every Adaptive Card action Spur answers, and the one entry point for `adaptiveCard/action` invokes: find the
// workspace and the person, run the handler, and turn its result or refusal into the invoke response.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from "botbuilder";
import { unknownActor } from "../../core/shared/errors.ts";
import { type Locale, localeFor } from "../../i18n/locale.ts";
import { failureOf, refusal } from "../../use-cases/failure.ts";
import { renderCard } from "../render/card.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../cards/adaptive-card.ts";
import { baseConversationId, type TeamsDeps, workspaceOf } from "../command-context.ts";
import { type CardAction, type CardActionContext, type CardActionResult, staleCard } from "./card-action.ts";
import { feedbackFormSubmit } from "./feedback-form.ts";
import { feedbackGive, feedbackSkip } from "./feedback-request.ts";
import { forgetConfirm } from "./forget-confirm.ts";
import { historyPage } from "./history-page.ts";
import { kudosFormSubmit } from "./kudos-form.ts";
import { promptDismiss, promptKudos } from "./recognition-prompt.ts";
import { settingsFormSubmit } from "./settings-form.ts";
import { targetsFormSubmit } from "./targets-form.ts";
import { teamSettingsFormSubmit } from "./team-settings-form.ts";
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
  targetsFormSubmit,
  teamSettingsFormSubmit,
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
  // Until the workspace and the person are known: the language Teams says they use.
  let locale: Locale = localeFor(turn.activity.locale, null);
  try {
    const { workspace, defaultTeam } = await workspaceOf(deps, turn);
    locale = localeFor(turn.activity.locale, workspace.locale);
    const actor = await services.members.byPlatformId(workspace, defaultTeam.id, turn.activity.from.id);
    if (!actor) throw unknownActor();
    locale = localeFor(turn.activity.locale ?? actor.locale, workspace.locale);
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
    const failure = failureOf(err);
    services.metrics.commands.inc({ command: label, outcome: failure.outcome });
    if (failure.outcome === "refused") services.logger.info({ code: failure.code, action: label }, "Teams action refused");
    else services.logger.error({ err, action: label }, "Teams action failed");
    return { message: renderCard(failure.body, locale).text };
  }
}

export async function handleCardAction(deps: TeamsDeps, turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  const verb = value.action?.verb ?? "";
  const action = CARD_ACTIONS.find((a) => a.verb === verb);
  if (!action) {
    deps.services.logger.warn({ verb: verb.slice(0, 50) }, "unknown Adaptive Card action");
    return toResponse({ message: renderCard(refusal(staleCard()), localeFor(turn.activity.locale, null)).text });
  }
  return toResponse(await runAsActor(deps, turn, `teams:card:${verb}`, objectData(value.action.data), (ctx) => action.run(deps, ctx)));
}
