// Submission of the feedback modal. Validation problems go back inline (`response_action: errors`); a payload
// that fails its schema, or names someone it shouldn't, changes nothing. Logs never name the giver.
import type { App, types } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { ErrorCode, isSpurError, SpurError } from "../../../core/shared/errors.ts";
import { submitFeedback, validateFeedbackForm } from "../../../core/feedback/feedback.ts";
import { monthLabel } from "../../../core/feedback/feedback-period.ts";
import { afterRequestAnswer } from "../../../app/feedback-follow-up.ts";
import { blockIdForField, COMMENT_BLOCKS, ratingBlockId } from "../../blocks/feedback-modal.ts";
import { escapeMrkdwn } from "../../blocks/format.ts";
import { describeIssues, FEEDBACK_MODAL_CALLBACK, parseModalMetadata, ViewSubmissionPayload } from "../../feedback-payloads.ts";
import { teamOf } from "../feedback-context.ts";

const UNREADABLE = "Spur couldn't read this form. Please close it and run `/feedback` again.";

function thanksView(text: string): types.ModalView {
  return {
    type: "modal",
    title: { type: "plain_text", text: "Peer feedback" },
    close: { type: "plain_text", text: "Done" },
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  };
}

export function registerFeedbackModal(app: App, services: Services): void {
  app.view(FEEDBACK_MODAL_CALLBACK, async ({ ack, body }) => {
    const fail = (message: string) => ack({ response_action: "errors", errors: { [COMMENT_BLOCKS.visibility]: message } });
    const parsed = ViewSubmissionPayload.safeParse(body);
    if (!parsed.success) {
      services.logger.warn({ reason: describeIssues(parsed.error) }, "malformed view_submission payload");
      return fail(UNREADABLE);
    }
    const payload = parsed.data;
    const metadata = parseModalMetadata(payload.view.private_metadata);
    if (!metadata) {
      services.logger.warn("view_submission with unreadable private_metadata");
      return fail(UNREADABLE);
    }
    try {
      const { workspace, defaultTeam } = await services.workspaces.ensure("slack", payload.team.id, { teamTimeZone: services.defaultTimeZone });
      const [giver, subject, dimensions] = await Promise.all([
        services.members.byPlatformId(workspace, defaultTeam.id, payload.user.id),
        services.roster.memberById(workspace.id, metadata.subjectId),
        services.feedback.dimensions(workspace.id),
      ]);
      if (!giver || !subject) return fail(UNREADABLE);
      const values = payload.view.state.values;
      const form = validateFeedbackForm(dimensions, {
        ratings: Object.fromEntries(dimensions.map((d) => [d.key, values[ratingBlockId(d.key)]?.score?.selected_option?.value])),
        keepDoing: values[COMMENT_BLOCKS.keepDoing]?.text?.value,
        improve: values[COMMENT_BLOCKS.improve]?.text?.value,
        visibility: values[COMMENT_BLOCKS.visibility]?.choice?.selected_option?.value,
      });
      if (!form.ok) {
        const errors = Object.fromEntries(Object.entries(form.errors).map(([field, message]) => [blockIdForField(field), message]));
        return ack({ response_action: "errors", errors });
      }
      const team = await teamOf(services, subject, defaultTeam);
      const result = await submitFeedback(services, {
        workspace,
        giver,
        subject,
        team,
        draft: form.draft,
        requestId: metadata.requestId,
        now: services.clock.now(),
      });
      const how = result.visibility === "anonymous" ? "anonymously — it only ever appears in totals" : "with your name";
      await ack({
        response_action: "update",
        view: thanksView(`:sparkles: Thanks! Your feedback on *${escapeMrkdwn(subject.displayName)}* for ${monthLabel(result.periodKey)} was saved ${how}.`),
      });
      if (metadata.requestId) await afterRequestAnswer(services, { requestId: metadata.requestId, peerId: giver.id, settled: result.requestSettled });
    } catch (err) {
      if (isSpurError(err)) {
        services.logger.info({ code: err.code }, "feedback refused");
        return fail(err.userMessage);
      }
      services.logger.error({ err: err instanceof Error ? err.message : String(err) }, "feedback submission failed");
      return fail(new SpurError(ErrorCode.Internal, "Something went wrong on Spur's side. Please try again in a minute.").userMessage);
    }
  });
}
