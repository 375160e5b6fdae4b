// Small steps shared by the feedback listeners.
import type { webApi } from "@slack/bolt";
import type { Services } from "../../app/services.ts";
import { effectiveThreshold } from "../../core/feedback/feedback.ts";
import type { Member, Team, Workspace } from "../../core/shared/model.ts";
import { feedbackModal } from "../blocks/feedback-modal.ts";
import { classifySlackError } from "../slack-errors.ts";

/** The member's team (its time zone decides feedback periods), or the workspace's default team. */
export async function teamOf(services: Services, member: Member, defaultTeam: Team): Promise<Team> {
  return (member.teamId && (await services.workspaces.teamById(member.teamId))) || defaultTeam;
}

/** Opens the feedback modal on `subject` with the workspace's current dimensions and threshold. */
export async function openFeedbackModal(
  services: Services,
  client: webApi.WebClient,
  input: { workspace: Workspace; triggerId: string; subject: Member; requestId: string | null },
): Promise<void> {
  const [dimensions, threshold] = await Promise.all([
    services.feedback.dimensions(input.workspace.id),
    services.feedback.anonymityThreshold(input.workspace.id),
  ]);
  const view = feedbackModal({
    subject: input.subject,
    dimensions,
    threshold: effectiveThreshold(threshold),
    metadata: { v: 1, subjectId: input.subject.id, requestId: input.requestId },
  });
  try {
    await client.views.open({ trigger_id: input.triggerId, view });
  } catch (err) {
    throw classifySlackError(err);
  }
}
