// The feedback form card's Send: validated and stored by the same core functions as Slack's modal, with the
// same anonymity guarantees (the giver always comes from the signed activity; logs never name them).
import { z } from "zod";
import { afterRequestAnswer } from "../../app/feedback-follow-up.ts";
import type { Services } from "../../app/services.ts";
import { ErrorCode, isSpurError, SpurError } from "../../core/shared/errors.ts";
import { effectiveThreshold, submitFeedback, validateFeedbackForm } from "../../core/feedback/feedback.ts";
import { monthLabel } from "../../core/feedback/feedback-period.ts";
import { teamOf } from "../../core/recognition/kudos.ts";
import type { Member, Workspace } from "../../core/shared/model.ts";
import type { TeamsMessage } from "../cards/adaptive-card.ts";
import { CARD_VERBS } from "../cards/card-actions.ts";
import { notice } from "../cards/direct-messages.ts";
import { feedbackFormCard, type FeedbackFormValues, ratingInputId } from "../cards/feedback-form.ts";
import { teamsSpelling } from "../mentions.ts";
import { type CardAction, parseCardData, STALE_CARD } from "./card-action.ts";

const Text = z.string().max(5000).optional();
const Data = z
  .object({
    subjectId: z.string().uuid(),
    requestId: z.string().uuid().nullable().optional(),
    keep_doing: Text,
    improve: Text,
    visibility: z.string().max(50).optional(),
  })
  .catchall(z.unknown());

export interface FeedbackFormFor {
  workspace: Workspace;
  subject: Member;
  requestId: string | null;
  values?: FeedbackFormValues;
  errors?: Record<string, string>;
  notice?: string;
}

/** The form on `subject` with the workspace's current dimensions and anonymity threshold. */
export async function feedbackForm(services: Services, input: FeedbackFormFor): Promise<TeamsMessage> {
  const [dimensions, threshold] = await Promise.all([
    services.feedback.dimensions(input.workspace.id),
    services.feedback.anonymityThreshold(input.workspace.id),
  ]);
  return feedbackFormCard({ ...input, dimensions, threshold: effectiveThreshold(threshold) });
}

export const feedbackFormSubmit: CardAction = {
  verb: CARD_VERBS.feedbackSubmit,
  async run(deps, ctx) {
    const { services } = deps;
    const data = parseCardData(Data, ctx);
    const subject = await services.roster.memberById(ctx.workspace.id, data.subjectId);
    if (!subject) throw new SpurError(ErrorCode.StaleInteraction, STALE_CARD);
    const requestId = data.requestId ?? null;
    const dimensions = await services.feedback.dimensions(ctx.workspace.id);
    const rating = (key: string) => {
      const raw = data[ratingInputId(key)];
      return typeof raw === "string" ? raw : undefined;
    };
    const values: FeedbackFormValues = {
      ratings: Object.fromEntries(dimensions.map((d) => [d.key, rating(d.key)])),
      keepDoing: data.keep_doing,
      improve: data.improve,
      visibility: data.visibility,
    };
    const again = (extra: { errors?: Record<string, string>; notice?: string }) =>
      feedbackForm(services, { workspace: ctx.workspace, subject, requestId, values, ...extra });
    const form = validateFeedbackForm(dimensions, { ...values, keepDoing: values.keepDoing, improve: values.improve, visibility: values.visibility });
    if (!form.ok) return { card: await again({ errors: form.errors }) };
    try {
      const team = await teamOf(services, subject, ctx.defaultTeam);
      const result = await submitFeedback(services, {
        workspace: ctx.workspace,
        giver: ctx.actor,
        subject,
        team,
        draft: form.draft,
        requestId,
        now: services.clock.now(),
      });
      if (requestId) await afterRequestAnswer(services, { requestId, peerId: ctx.actor.id, settled: result.requestSettled });
      const how = result.visibility === "anonymous" ? "anonymously — it only ever appears in totals" : "with your name";
      return { card: notice(`✨ Thanks! Your feedback on ${subject.displayName} for ${monthLabel(result.periodKey)} was saved ${how}.`) };
    } catch (err) {
      if (!isSpurError(err)) throw err;
      services.logger.info({ code: err.code }, "feedback refused");
      return { card: await again({ notice: teamsSpelling(err.userMessage) }) };
    }
  },
};
