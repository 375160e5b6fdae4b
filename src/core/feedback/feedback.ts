// Peer feedback: validating a form, recording an answer (named or anonymous), and what may be shown of it.
// Anonymous answers count only as a whole and only once enough people answered anonymously, so nobody can
// work out one person's ratings by subtracting the named ones.
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { feedbackGiverKey } from "./feedback-anonymity.ts";
import type {
  DimensionStat,
  FeedbackDimension,
  FeedbackDraft,
  FeedbackStats,
  NamedFeedback,
} from "./feedback-model.ts";
import { MIN_ANONYMITY_THRESHOLD } from "./feedback-model.ts";
import { monthContaining } from "./feedback-period.ts";
import type { FeedbackRepository, FeedbackRequestRepository } from "./feedback-ports.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import { localDate } from "../shared/period.ts";
import { msg, type Msg } from "../../i18n/message.ts";

export const MAX_FEEDBACK_COMMENT = 1000;

export interface FeedbackFormInput {
  /** Selected score per dimension key, as the platform delivered it (may be missing or malformed). */
  ratings: Record<string, string | null | undefined>;
  keepDoing: string | null | undefined;
  improve: string | null | undefined;
  visibility: string | null | undefined;
}

/** Field → message; fields are `rating:<key>`, `keep_doing`, `improve` and `visibility`. */
export type FeedbackFormErrors = Record<string, Msg>;

export function validateFeedbackForm(
  dimensions: FeedbackDimension[],
  input: FeedbackFormInput,
): { ok: true; draft: FeedbackDraft } | { ok: false; errors: FeedbackFormErrors } {
  const errors: FeedbackFormErrors = {};
  const ratings: Record<string, number> = {};
  for (const d of dimensions) {
    const raw = input.ratings[d.key];
    const score = raw === null || raw === undefined || !/^[1-5]$/.test(raw) ? null : Number(raw);
    if (score === null) errors[`rating:${d.key}`] = msg("feedback.form.pickRating", { dimension: d.label.toLowerCase() });
    else ratings[d.key] = score;
  }
  const keepDoing = cleanComment(input.keepDoing);
  const improve = cleanComment(input.improve);
  if (keepDoing && keepDoing.length > MAX_FEEDBACK_COMMENT) {
    errors.keep_doing = msg("feedback.form.tooLong", { max: MAX_FEEDBACK_COMMENT, length: keepDoing.length });
  }
  if (improve && improve.length > MAX_FEEDBACK_COMMENT) {
    errors.improve = msg("feedback.form.tooLong", { max: MAX_FEEDBACK_COMMENT, length: improve.length });
  }
  if (input.visibility !== "named" && input.visibility !== "anonymous") {
    errors.visibility = msg("feedback.form.chooseVisibility");
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { ratings, keepDoing, improve, visibility: input.visibility as FeedbackDraft["visibility"] } };
}

function cleanComment(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** Refuses feedback nobody should be able to give. */
export function assertCanReceiveFeedback(giver: Member, subject: Member): void {
  if (giver.id === subject.id) {
    throw new SpurError(ErrorCode.SelfFeedback, msg("feedback.refused.self"));
  }
  if (subject.isBot) throw new SpurError(ErrorCode.BotRecipient, msg("feedback.refused.bot", { name: subject.displayName }));
  if (subject.isDeactivated) {
    throw new SpurError(ErrorCode.DeactivatedMember, msg("feedback.refused.deactivated", { name: subject.displayName }));
  }
  if (giver.isBot) throw new SpurError(ErrorCode.BotGiver, msg("feedback.refused.botGiver"));
}

export interface SubmitFeedbackDeps {
  feedback: FeedbackRepository;
  feedbackRequests: FeedbackRequestRepository;
  feedbackSecret: string;
}

export interface SubmitFeedbackInput {
  workspace: Workspace;
  giver: Member;
  subject: Member;
  /** The subject's team: its time zone decides the period. */
  team: Team;
  draft: FeedbackDraft;
  requestId: string | null;
  now: Date;
}

export interface SubmittedFeedback {
  periodKey: string;
  visibility: FeedbackDraft["visibility"];
  /** Set when the answer belongs to a request: whether everyone asked has now answered or skipped. */
  requestSettled: boolean;
}

export async function submitFeedback(deps: SubmitFeedbackDeps, input: SubmitFeedbackInput): Promise<SubmittedFeedback> {
  const { workspace, giver, subject, draft, now } = input;
  assertCanReceiveFeedback(giver, subject);
  let periodKey = monthContaining(now, input.team.timeZone).key;
  let recipient: { requestId: string; peerId: string } | null = null;
  if (input.requestId) {
    const request = await deps.feedbackRequests.get(input.requestId);
    const asked = request?.recipients.find((r) => r.peer.id === giver.id);
    if (!request || request.subject.id !== subject.id || !asked) {
      throw new SpurError(ErrorCode.NotAsked, msg("feedback.request.notSent"));
    }
    if (request.status === "closed") {
      throw new SpurError(ErrorCode.FeedbackRequestClosed, msg("feedback.request.closed"));
    }
    periodKey = request.periodKey;
    recipient = { requestId: request.id, peerId: giver.id };
  }
  const dimensions = await deps.feedback.dimensions(workspace.id);
  const giverKey = feedbackGiverKey(deps.feedbackSecret, giver.id, subject.id, periodKey);
  const { created } = await deps.feedback.recordAnswer({
    workspaceId: workspace.id,
    subjectId: subject.id,
    periodKey,
    visibility: draft.visibility,
    giverId: draft.visibility === "named" ? giver.id : null,
    giverKey,
    keepDoing: draft.keepDoing,
    improve: draft.improve,
    answeredOn: localDate(now, input.team.timeZone),
    ratings: dimensions.flatMap((d) => (draft.ratings[d.key] ? [{ dimensionId: d.id, score: draft.ratings[d.key] as number }] : [])),
    recipient,
  });
  if (!created) {
    // Already answered this period (perhaps unasked): the request should not keep reminding them.
    if (recipient) await deps.feedbackRequests.markAnswered(recipient.requestId, recipient.peerId);
    throw alreadyAnsweredError(subject);
  }
  let requestSettled = false;
  if (recipient) {
    const after = await deps.feedbackRequests.get(recipient.requestId);
    requestSettled = after !== null && after.recipients.every((r) => r.status !== "asked");
  }
  return { periodKey, visibility: draft.visibility, requestSettled };
}

/** Whether the giver already answered for this subject and period (checked before opening a form). */
export function alreadyAnswered(
  deps: Pick<SubmitFeedbackDeps, "feedback" | "feedbackSecret">,
  input: { giver: Member; subject: Member; periodKey: string },
): Promise<boolean> {
  const key = feedbackGiverKey(deps.feedbackSecret, input.giver.id, input.subject.id, input.periodKey);
  return deps.feedback.hasAnswered(input.subject.id, input.periodKey, key);
}

export function alreadyAnsweredError(subject: Member): SpurError {
  return new SpurError(ErrorCode.FeedbackAlreadyGiven, msg("feedback.refused.alreadyGiven", { name: subject.displayName }));
}

export interface DimensionResult {
  key: string;
  label: string;
  mean: number;
  count: number;
}

/** What may be shown of a subject's feedback for a period (to them, their lead, admins, or the KPI). */
export interface FeedbackAggregate {
  periodKey: string;
  threshold: number;
  /** Answers behind the numbers: named ones, plus anonymous ones once the threshold is met. */
  answers: number;
  dimensions: DimensionResult[];
  overall: number | null;
  anonymousShown: boolean;
}

export function effectiveThreshold(configured: number): number {
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(configured));
}

/** Combines named answers with anonymous ones only when at least `threshold` people answered anonymously. */
export function aggregateFeedback(stats: FeedbackStats, threshold: number, periodKey: string): FeedbackAggregate {
  const anonymousShown = stats.anonymous.answers >= threshold;
  const parts: DimensionStat[] = [...stats.named.dimensions, ...(anonymousShown ? stats.anonymous.dimensions : [])];
  const byKey = new Map<string, DimensionStat>();
  for (const p of parts) {
    const acc = byKey.get(p.key) ?? { key: p.key, label: p.label, sum: 0, count: 0 };
    acc.sum += p.sum;
    acc.count += p.count;
    byKey.set(p.key, acc);
  }
  const dimensions = [...byKey.values()]
    .filter((d) => d.count > 0)
    .map((d) => ({ key: d.key, label: d.label, mean: round2(d.sum / d.count), count: d.count }));
  const total = [...byKey.values()].reduce((acc, d) => ({ sum: acc.sum + d.sum, count: acc.count + d.count }), { sum: 0, count: 0 });
  return {
    periodKey,
    threshold,
    answers: stats.named.answers + (anonymousShown ? stats.anonymous.answers : 0),
    dimensions,
    overall: total.count > 0 ? round2(total.sum / total.count) : null,
    anonymousShown,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export interface FeedbackReport {
  subject: Member;
  isSelf: boolean;
  aggregate: FeedbackAggregate;
  named: NamedFeedback[];
  /** Anonymous comments, only once the threshold is met. */
  anonymousComments: { keepDoing: string[]; improve: string[] } | null;
}

export async function buildFeedbackReport(
  deps: { feedback: FeedbackRepository },
  input: { viewer: Member; subject: Member; periodKey: string },
): Promise<FeedbackReport> {
  const { viewer, subject, periodKey } = input;
  assertCanViewFeedback(viewer, subject);
  const aggregate = await peerFeedbackAggregate(deps, { workspaceId: subject.workspaceId, subjectId: subject.id, periodKey });
  const named = await deps.feedback.namedAnswers(subject.id, periodKey);
  const anonymousComments = aggregate.anonymousShown ? await deps.feedback.anonymousComments(subject.id, periodKey) : null;
  return { subject, isSelf: viewer.id === subject.id, aggregate, named, anonymousComments };
}

/** The `peer_feedback` KPI: the mean rating per dimension for a member and period, as it may be shown. */
export async function peerFeedbackAggregate(
  deps: { feedback: FeedbackRepository },
  input: { workspaceId: string; subjectId: string; periodKey: string },
): Promise<FeedbackAggregate> {
  const [stats, configured] = await Promise.all([
    deps.feedback.stats(input.subjectId, input.periodKey),
    deps.feedback.anonymityThreshold(input.workspaceId),
  ]);
  return aggregateFeedback(stats, effectiveThreshold(configured), input.periodKey);
}

export const PEER_FEEDBACK_METRIC = "peer_feedback";

/** `peer_feedback` for scorecards: the overall mean (null without answers) and the mean per dimension. */
export async function peerFeedbackKpi(
  deps: { feedback: FeedbackRepository },
  input: { workspaceId: string; subjectId: string; periodKey: string },
): Promise<{ metric: typeof PEER_FEEDBACK_METRIC; periodKey: string; value: number | null; answers: number; dimensions: DimensionResult[] }> {
  const aggregate = await peerFeedbackAggregate(deps, input);
  return { metric: PEER_FEEDBACK_METRIC, periodKey: input.periodKey, value: aggregate.overall, answers: aggregate.answers, dimensions: aggregate.dimensions };
}

/** Yourself; a lead their own team; an admin everyone. */
export function assertCanViewFeedback(viewer: Member, subject: Member): void {
  const allowed =
    viewer.id === subject.id ||
    viewer.role === "admin" ||
    (viewer.role === "lead" && viewer.teamId !== null && viewer.teamId === subject.teamId);
  if (!allowed) {
    throw new SpurError(ErrorCode.NotAllowed, msg("feedback.refused.private"));
  }
}
