// Peer feedback: validating a form, recording an answer (named or anonymous), and what may be shown of it.
// Anonymous answers count only as a whole, released in batches of at least the threshold (feedback-release.ts),
// so nobody can work out one person's ratings by subtracting one report from another or the named ones.
import { canViewMember } from "../shared/access.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { shuffledComments } from "./feedback-anonymity.ts";
import { giverMarks, isSettled, requestWithAnswers } from "./feedback-answered.ts";
import type {
  DimensionResult,
  DimensionStat,
  FeedbackAggregate,
  FeedbackDimension,
  FeedbackDraft,
  FeedbackStats,
  NamedFeedback,
} from "./feedback-model.ts";
import { MIN_ANONYMITY_THRESHOLD } from "./feedback-model.ts";
import { monthContaining } from "./feedback-period.ts";
import { nextRelease } from "./feedback-release.ts";
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
  }
  const dimensions = await deps.feedback.dimensions(workspace.id);
  const today = localDate(now, input.team.timeZone);
  const { created } = await deps.feedback.recordAnswer({
    workspaceId: workspace.id,
    subjectId: subject.id,
    periodKey,
    visibility: draft.visibility,
    giverId: draft.visibility === "named" ? giver.id : null,
    marks: await giverMarks(deps, { giverId: giver.id, subjectId: subject.id, periodKey }),
    keepDoing: draft.keepDoing,
    improve: draft.improve,
    answeredOn: today,
    ratings: dimensions.flatMap((d) => (draft.ratings[d.key] ? [{ dimensionId: d.id, score: draft.ratings[d.key] as number }] : [])),
  });
  if (!created) throw alreadyAnsweredError(subject);
  if (draft.visibility === "anonymous") await releaseAnonymousFeedback(deps, { workspaceId: workspace.id, subjectId: subject.id, periodKey, today });
  // Read only: the request's answers are found by their marks, nothing was written to it.
  const after = input.requestId ? await requestWithAnswers(deps, input.requestId) : null;
  return { periodKey, visibility: draft.visibility, requestSettled: after !== null && isSettled(after) };
}

/** Releases the subject's waiting anonymous answers as one batch when at least the threshold are waiting. */
export async function releaseAnonymousFeedback(
  deps: { feedback: FeedbackRepository },
  input: { workspaceId: string; subjectId: string; periodKey: string; today: string },
): Promise<boolean> {
  const threshold = effectiveThreshold(await deps.feedback.anonymityThreshold(input.workspaceId));
  return deps.feedback.releaseAnonymous(
    { workspaceId: input.workspaceId, subjectId: input.subjectId, periodKey: input.periodKey, threshold, releasedOn: input.today },
    (previous, totals, answers) => nextRelease(previous, totals, answers, threshold),
  );
}

export function alreadyAnsweredError(subject: Member): SpurError {
  return new SpurError(ErrorCode.FeedbackAlreadyGiven, msg("feedback.refused.alreadyGiven", { name: subject.displayName }));
}

export function effectiveThreshold(configured: number): number {
  return Math.max(MIN_ANONYMITY_THRESHOLD, Math.floor(configured));
}

/**
 * Combines named answers with the released anonymous ones, only when at least `threshold` anonymous answers have
 * been released. A dimension shows a figure only with ratings behind it (a released anonymous figure always has
 * at least the threshold of them); `active` dimensions without one are listed as withheld.
 */
export function aggregateFeedback(
  stats: FeedbackStats,
  threshold: number,
  periodKey: string,
  active: readonly { key: string; label: string }[] = [],
): FeedbackAggregate {
  const anonymousShown = stats.anonymous.answers >= threshold;
  const parts: DimensionStat[] = [...stats.named.dimensions, ...(anonymousShown ? stats.anonymous.dimensions : [])];
  const byKey = new Map<string, DimensionStat>();
  for (const p of parts) {
    const acc = byKey.get(p.key) ?? { key: p.key, label: p.label, sum: 0, count: 0 };
    acc.sum += p.sum;
    acc.count += p.count;
    byKey.set(p.key, acc);
  }
  const shown = [...byKey.values()].filter((d) => d.count > 0);
  const dimensions = shown.map((d) => ({ key: d.key, label: d.label, mean: round2(d.sum / d.count), count: d.count }));
  const total = shown.reduce((acc, d) => ({ sum: acc.sum + d.sum, count: acc.count + d.count }), { sum: 0, count: 0 });
  const withheld = new Map<string, { key: string; label: string }>();
  if (shown.length > 0) {
    for (const d of [...active, ...byKey.values()]) if (!shown.some((s) => s.key === d.key)) withheld.set(d.key, { key: d.key, label: d.label });
  }
  return {
    periodKey,
    threshold,
    answers: stats.named.answers + (anonymousShown ? stats.anonymous.answers : 0),
    dimensions,
    withheld: [...withheld.values()],
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
  /** Anonymous comments per released batch, in a keyed order; only once the threshold is met. */
  anonymousComments: { batch: number; keepDoing: string[]; improve: string[] }[] | null;
}

export async function buildFeedbackReport(
  deps: { feedback: FeedbackRepository; feedbackSecret: string },
  input: { viewer: Member; subject: Member; periodKey: string; teamsLed: readonly string[] },
): Promise<FeedbackReport> {
  const { viewer, subject, periodKey } = input;
  assertCanViewFeedback(viewer, subject, input.teamsLed);
  const aggregate = await peerFeedbackAggregate(deps, { workspaceId: subject.workspaceId, subjectId: subject.id, periodKey });
  const named = await deps.feedback.namedAnswers(subject.id, periodKey);
  const anonymousComments = aggregate.anonymousShown
    ? (await deps.feedback.releasedComments(subject.id, periodKey)).map((b) => {
        const order = `${subject.id}:${periodKey}:${b.seq}`;
        return { batch: b.seq, keepDoing: shuffledComments(deps.feedbackSecret, order, b.keepDoing), improve: shuffledComments(deps.feedbackSecret, order, b.improve) };
      })
    : null;
  return { subject, isSelf: viewer.id === subject.id, aggregate, named, anonymousComments };
}

/** The `peer_feedback` KPI: the mean rating per dimension for a member and period, as it may be shown. */
export async function peerFeedbackAggregate(
  deps: { feedback: FeedbackRepository },
  input: { workspaceId: string; subjectId: string; periodKey: string },
): Promise<FeedbackAggregate> {
  const { stats, threshold, dimensions } = await deps.feedback.aggregateInputs(input.workspaceId, input.subjectId, input.periodKey);
  return aggregateFeedback(stats, effectiveThreshold(threshold), input.periodKey, dimensions);
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

/** Yourself; a lead the members of the teams they lead (`teamsLed`); an admin everyone. */
export function assertCanViewFeedback(viewer: Member, subject: Member, teamsLed: readonly string[]): void {
  if (!canViewMember(viewer, subject, teamsLed)) {
    throw new SpurError(ErrorCode.NotAllowed, msg("feedback.refused.private"));
  }
}
