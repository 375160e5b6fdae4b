// The feedback form card's Send: its data checked with zod, then the same use case as Slack's modal (the giver
// always comes from the signed activity; logs never name them).
import { z } from "zod";
import { FeedbackFormValues, readFormState } from "../../use-cases/feedback/feedback-form.ts";
import { submitFeedbackForm } from "../../use-cases/feedback/submit-feedback.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { runTeamsInvoke } from "../run-interaction.ts";
import { type CardAction, parseCardData, staleCard } from "./card-action.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";

/** The form's state, and its inputs by id (ratings, comments, visibility). */
const Data = z.object({ formState: z.string().max(3000) }).catchall(z.unknown());

export const feedbackFormSubmit: CardAction = {
  verb: CARD_VERBS.feedbackSubmit,
  async run(deps, ctx) {
    const { formState, ...inputs } = parseCardData(Data, ctx);
    const state = readFormState(formState);
    const values = FeedbackFormValues.safeParse(Object.fromEntries(Object.entries(inputs).filter(([, v]) => typeof v === "string")));
    if (!state || !values.success) throw new SpurError(ErrorCode.StaleInteraction, staleCard());
    return runTeamsInvoke(deps, ctx, `teams:${CARD_VERBS.feedbackSubmit}`, submitFeedbackForm, deps.services, { state, values: values.data }, `teams:invoke:${ctx.turn.activity.id ?? ""}`);
  },
};
