// The feedback form's submission, the same on every surface: validated by the core, stored with the core's
// anonymity guarantees, refused inline (the form again with each message under its field). Nothing here logs
// who answered.
import { afterRequestAnswer } from "../../app/feedback-follow-up.ts";
import type { Services } from "../../app/services.ts";
import { submitFeedback, validateFeedbackForm } from "../../core/feedback/feedback.ts";
import { teamOf } from "../../core/recognition/kudos.ts";
import { ErrorCode, isSpurError, SpurError } from "../../core/shared/errors.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";
import type { Interaction, Reply } from "../interaction.ts";
import { thanksBody } from "./feedback-bodies.ts";
import { FEEDBACK_FIELDS, feedbackForm, type FeedbackFormState, type FeedbackFormValues, formInput } from "./feedback-form.ts";

export interface SubmitFeedbackArgs {
  state: FeedbackFormState;
  values: FeedbackFormValues;
}

export type SubmitFeedbackDeps = Pick<
  Services,
  "clock" | "logger" | "roster" | "workspaces" | "feedback" | "feedbackRequests" | "feedbackSecret" | "jobs" | "messengerFor"
>;

/** The refusal of a form that names nobody Spur knows here (forged, or from another workspace). */
export function unreadableForm(): SpurError {
  return new SpurError(ErrorCode.StaleInteraction, msg("feedback.form.unreadable", { command: command("feedback") }));
}

export const submitFeedbackForm: Interaction<SubmitFeedbackDeps, SubmitFeedbackArgs> = {
  name: "feedback.submit",
  async run(deps, req): Promise<Reply[]> {
    const { state, values } = req.args;
    const subject = await deps.roster.memberById(req.workspace.id, state.subjectId);
    if (!subject) throw unreadableForm();
    const dimensions = await deps.feedback.dimensions(req.workspace.id);
    const again = async (errors: Record<string, Msg>): Promise<Reply[]> => [
      { kind: "form", form: await feedbackForm(deps, { workspaceId: req.workspace.id, subject, requestId: state.requestId, values, errors }) },
    ];
    const form = validateFeedbackForm(dimensions, formInput(dimensions.map((d) => d.key), values));
    if (!form.ok) return again(form.errors);
    try {
      const result = await submitFeedback(deps, {
        workspace: req.workspace,
        giver: req.actor,
        subject,
        team: await teamOf(deps, subject, req.team),
        draft: form.draft,
        requestId: state.requestId,
        now: deps.clock.now(),
      });
      if (state.requestId) await afterRequestAnswer(deps, { requestId: state.requestId, peerId: req.actor.id, settled: result.requestSettled });
      return [{ kind: "update", body: thanksBody(subject, result.periodKey, result.visibility) }];
    } catch (err) {
      if (!isSpurError(err)) throw err;
      deps.logger.info({ code: err.code }, "feedback refused");
      return again({ [FEEDBACK_FIELDS.visibility]: err.reply });
    }
  },
};
