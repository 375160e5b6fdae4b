// A kudos form's Send on Teams (the form card's Action.Execute, or the message action dialog's Action.Submit):
// its values (zod) handed to the same use case as Slack's modal.
import { z } from "zod";
import type { KudosFormInput } from "../../core/recognition/kudos-form.ts";
import { submitKudosForm } from "../../use-cases/recognition/kudos-form-submit.ts";
import type { KudosFormState } from "../../use-cases/recognition/kudos-form.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import type { TeamsDeps } from "../command-context.ts";
import { type InvokeSurface, runTeamsInvoke } from "../run-interaction.ts";
import { teamsKudosFormDeps } from "../teams-people-picker.ts";
import { type CardAction, type CardActionContext, type CardActionResult, parseCardData } from "./card-action.ts";

/** Bot Framework user ids ("29:…" people, "28:…" bots the core refuses by name); a multi-select sends them comma-separated. */
const TEAMS_USER_ID = /^2[89]:[^,\s]+$/;

/** The Send's data: the form's id (its state) merged with the inputs' values. */
const Data = z.object({
  formId: z.string().uuid(),
  recipients: z.string().max(5000).optional(),
  points: z.union([z.string().max(20), z.number()]).optional(),
  reason: z.string().max(5000).optional(),
  value: z.string().max(100).optional(),
});

function valuesOf(data: z.infer<typeof Data>): KudosFormInput {
  return {
    recipients: (data.recipients ?? "").split(",").map((id) => id.trim()).filter((id) => id !== ""),
    points: String(data.points ?? ""),
    reason: data.reason ?? "",
    value: data.value?.trim() ? data.value.trim() : null,
  };
}

/**
 * Where the kudos come from is the route's to say (a form card, or a message's action with the message Teams
 * named), never the card's data.
 */
export async function submitTeamsKudosForm(
  deps: TeamsDeps,
  ctx: CardActionContext,
  surface: InvokeSurface,
  origin: Pick<KudosFormState, "source" | "messageLink">,
): Promise<CardActionResult> {
  const data = parseCardData(Data, ctx);
  const state: KudosFormState = { formId: data.formId, source: origin.source, channelId: ctx.conversationId, messageLink: origin.messageLink };
  return runTeamsInvoke(
    deps,
    ctx,
    `teams:${CARD_VERBS.kudosSubmit}`,
    submitKudosForm,
    teamsKudosFormDeps(deps),
    { values: valuesOf(data), state, userIds: TEAMS_USER_ID },
    // One form gives once per giver (a form card in a channel can be filled in by several people), however
    // often Send is clicked or Teams redelivers the invoke.
    `teams:form:${ctx.workspace.id}:${data.formId}:${ctx.actor.id}`,
    surface,
  );
}

export const kudosFormSubmit: CardAction = {
  verb: CARD_VERBS.kudosSubmit,
  run: (deps, ctx) => submitTeamsKudosForm(deps, ctx, "card", { source: "modal", messageLink: null }),
};
