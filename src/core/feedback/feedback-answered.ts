// Who has answered, found without anything stored per answer: a giver's marks are recomputed from their salt and
// looked up. A request's peers are shown as answered this way; no recipient or request row is written when an
// answer is given, so no transaction id or time ties a peer to their answer.
import { feedbackMarks } from "./feedback-anonymity.ts";
import type { FeedbackRequestView } from "./feedback-model.ts";
import type { FeedbackRepository, FeedbackRequestRepository } from "./feedback-ports.ts";

export interface AnsweredDeps {
  feedback: FeedbackRepository;
  feedbackSecret: string;
}

/** The member's marks for the subject and period (the first is the one a new answer writes). */
export async function giverMarks(deps: AnsweredDeps, input: { giverId: string; subjectId: string; periodKey: string }): Promise<string[]> {
  const salt = (await deps.feedback.giverSalts([input.giverId])).get(input.giverId);
  // Every member row has a salt; none means the member row itself is gone.
  if (!salt) throw new Error("feedback giver not found");
  return feedbackMarks(deps.feedbackSecret, { id: input.giverId, salt }, input.subjectId, input.periodKey);
}

/** Whether the giver already answered for this subject and period (checked before opening a form). */
export async function alreadyAnswered(deps: AnsweredDeps, input: { giver: { id: string }; subject: { id: string }; periodKey: string }): Promise<boolean> {
  const marks = await giverMarks(deps, { giverId: input.giver.id, subjectId: input.subject.id, periodKey: input.periodKey });
  return (await deps.feedback.existingMarks(input.subject.id, input.periodKey, marks)).size > 0;
}

/** The request with each asked peer who has answered for its subject and period (asked or not) shown as answered. */
export async function withAnswers(deps: AnsweredDeps, request: FeedbackRequestView): Promise<FeedbackRequestView> {
  const asked = request.recipients.filter((r) => r.status === "asked");
  if (asked.length === 0) return request;
  const salts = await deps.feedback.giverSalts(asked.map((r) => r.peer.id));
  const marksOf = new Map(
    asked.map((r) => {
      const salt = salts.get(r.peer.id);
      return [r.peer.id, salt ? feedbackMarks(deps.feedbackSecret, { id: r.peer.id, salt }, request.subject.id, request.periodKey) : []];
    }),
  );
  const found = await deps.feedback.existingMarks(request.subject.id, request.periodKey, [...marksOf.values()].flat());
  return {
    ...request,
    recipients: request.recipients.map((r) =>
      r.status === "asked" && (marksOf.get(r.peer.id) ?? []).some((m) => found.has(m)) ? { ...r, status: "answered" } : r,
    ),
  };
}

/** A request as stored, with its answers found as above; null when there is no such request. */
export async function requestWithAnswers(
  deps: AnsweredDeps & { feedbackRequests: FeedbackRequestRepository },
  requestId: string,
): Promise<FeedbackRequestView | null> {
  const request = await deps.feedbackRequests.get(requestId);
  return request ? withAnswers(deps, request) : null;
}

/** Whether everyone asked has answered or skipped. */
export function isSettled(request: FeedbackRequestView): boolean {
  return request.recipients.every((r) => r.status !== "asked");
}
