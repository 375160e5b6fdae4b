// Feedback requests: a lead asks peers for feedback on an agent by a due date; peers get a DM, a reminder
// before the due date, and the lead a summary once everyone answered or the due date passed.
import { DateTime } from "luxon";
import { mentionKey, mentionParam, type MentionRef } from "../shared/command-text.ts";
import { ErrorCode, SpurError, TransientError } from "../shared/errors.ts";
import { peerFeedbackAggregate } from "./feedback.ts";
import { alreadyAnswered, type AnsweredDeps, isSettled, requestWithAnswers, withAnswers } from "./feedback-answered.ts";
import type { DueSpec } from "./feedback-command.ts";
import type { FeedbackRequestSummary, FeedbackRequestView } from "./feedback-model.ts";
import { monthContaining } from "./feedback-period.ts";
import type { FeedbackRepository, FeedbackRequestRepository, MessengerFor, TeamRoster } from "./feedback-ports.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";
import { code, msg } from "../../i18n/message.ts";

export const DEFAULT_DUE_DAYS = 7;
export const MAX_DUE_DAYS = 60;
export const MAX_PEERS = 30;
const REMINDER_LEAD_MS = 24 * 3600_000;

export interface FeedbackRequestDeps {
  members: MemberDirectory;
  roster: TeamRoster;
  feedbackRequests: FeedbackRequestRepository;
}

/** The end (exclusive) of the due day in the team's time zone. */
export function resolveDue(spec: DueSpec | null, now: Date, timeZone: string): Date {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  let day: DateTime;
  if (spec === null) day = today.plus({ days: DEFAULT_DUE_DAYS });
  else if (spec.kind === "date") day = DateTime.fromISO(spec.date, { zone: timeZone });
  else day = today.plus({ days: ((spec.isoDay - today.weekday + 7) % 7) || 7 });
  if (!day.isValid) throw new SpurError(ErrorCode.InvalidDueDate, msg("feedback.due.invalid"));
  const due = day.startOf("day").plus({ days: 1 });
  if (due.toMillis() <= now.getTime()) throw new SpurError(ErrorCode.InvalidDueDate, msg("feedback.due.past"));
  if (due.diff(today, "days").days > MAX_DUE_DAYS + 1) {
    throw new SpurError(ErrorCode.InvalidDueDate, msg("feedback.due.tooFar", { days: MAX_DUE_DAYS }));
  }
  return due.toUTC().toJSDate();
}

/** A day before the due date, or halfway there when that is sooner than a day away. */
export function reminderAt(now: Date, dueAt: Date): Date {
  const dayBefore = dueAt.getTime() - REMINDER_LEAD_MS;
  const halfway = now.getTime() + (dueAt.getTime() - now.getTime()) / 2;
  return new Date(Math.max(dayBefore, halfway));
}

export interface CreateRequestInput {
  workspace: Workspace;
  defaultTeam: Team;
  lead: Member;
  subject: MentionRef;
  from: MentionRef[] | "team";
  due: DueSpec | null;
  now: Date;
  teamOf(member: Member): Promise<Team>;
  idempotencyKey: string;
  /** The teams the lead leads. */
  teamsLed: readonly string[];
}

export async function createFeedbackRequest(
  deps: FeedbackRequestDeps,
  input: CreateRequestInput,
): Promise<{ request: FeedbackRequestView; created: boolean; reminderAt: Date }> {
  const { workspace, defaultTeam, lead, now } = input;
  const found = (await deps.members.resolve(workspace, defaultTeam.id, [input.subject])).get(mentionKey(input.subject));
  if (!found) throw new SpurError(ErrorCode.UnknownUser, msg("feedback.unknownPerson", { who: mentionParam(input.subject) }));
  const subject = found;
  if (subject.isBot || subject.isDeactivated) throw new SpurError(ErrorCode.UnknownUser, msg("feedback.request.cantReceive", { name: subject.displayName }));
  const leadsSubject = lead.role === "admin" || (lead.role === "lead" && subject.teamId !== null && input.teamsLed.includes(subject.teamId));
  if (!leadsSubject) {
    throw new SpurError(ErrorCode.NotAllowed, msg("feedback.request.notLead", { name: subject.displayName }));
  }
  const team = await input.teamOf(subject);

  let peers: Member[];
  if (input.from === "team") {
    peers = await deps.roster.membersOf(team.id);
  } else {
    const resolved = await deps.members.resolve(workspace, defaultTeam.id, input.from);
    peers = [];
    for (const ref of input.from) {
      const peer = resolved.get(mentionKey(ref));
      if (!peer) throw new SpurError(ErrorCode.UnknownUser, msg("feedback.unknownPerson", { who: mentionParam(ref) }));
      if (peer.isBot || peer.isDeactivated) throw new SpurError(ErrorCode.UnknownUser, msg("feedback.request.cantGive", { name: peer.displayName }));
      peers.push(peer);
    }
  }
  const unique = new Map<string, Member>();
  for (const p of peers) {
    if (p.id !== subject.id && p.id !== lead.id && !p.isBot && !p.isDeactivated) unique.set(p.id, p);
  }
  if (unique.size === 0) {
    throw new SpurError(ErrorCode.NoPeers, msg("feedback.request.nobody", { from: code("from @p1 @p2"), name: subject.displayName }));
  }
  if (unique.size > MAX_PEERS) throw new SpurError(ErrorCode.NoPeers, msg("feedback.request.tooMany", { max: MAX_PEERS }));

  const dueAt = resolveDue(input.due, now, team.timeZone);
  const { request, created } = await deps.feedbackRequests.create({
    workspaceId: workspace.id,
    leadId: lead.id,
    subjectId: subject.id,
    periodKey: monthContaining(now, team.timeZone).key,
    dueAt,
    peerIds: [...unique.keys()],
    idempotencyKey: input.idempotencyKey,
  });
  return { request, created, reminderAt: reminderAt(now, dueAt) };
}

/** The open request a peer's button names; refuses one that wasn't sent to them or has closed. */
export async function requestForPeer(
  deps: { feedbackRequests: FeedbackRequestRepository },
  input: { requestId: string; workspaceId: string; peer: Member },
): Promise<FeedbackRequestView> {
  const request = await deps.feedbackRequests.get(input.requestId);
  if (!request || request.workspaceId !== input.workspaceId || !request.recipients.some((r) => r.peer.id === input.peer.id)) {
    throw new SpurError(ErrorCode.NotAsked, msg("feedback.request.notSent"));
  }
  if (request.status === "closed") throw new SpurError(ErrorCode.FeedbackRequestClosed, msg("feedback.request.closed"));
  return request;
}

/**
 * Before opening the form for a request: whether the peer already answered for its subject and period (perhaps
 * unasked, earlier in the period). That counts for the request too; `settled` says whether it was the last answer.
 */
export async function answeredForRequest(
  deps: { feedback: FeedbackRepository; feedbackRequests: FeedbackRequestRepository; feedbackSecret: string },
  input: { request: FeedbackRequestView; peer: Member },
): Promise<{ answered: false } | { answered: true; settled: boolean }> {
  const { request, peer } = input;
  const answered =
    request.recipients.find((r) => r.peer.id === peer.id)?.status === "answered" ||
    (await alreadyAnswered(deps, { giver: peer, subject: request.subject, periodKey: request.periodKey }));
  if (!answered) return { answered: false };
  // Nothing to write: the peer's mark is what says they answered.
  return { answered: true, settled: isSettled(await withAnswers(deps, request)) };
}

/** A peer's "Skip" (nothing changes for a peer who has answered). */
export async function skipFeedbackRequest(
  deps: AnsweredDeps & { feedbackRequests: FeedbackRequestRepository },
  input: { requestId: string; peer: Member },
): Promise<{ request: FeedbackRequestView; settled: boolean }> {
  const request = await requestWithAnswers(deps, input.requestId);
  if (!request || !request.recipients.some((r) => r.peer.id === input.peer.id)) {
    throw new SpurError(ErrorCode.NotAsked, msg("feedback.request.notSent"));
  }
  if (request.status === "closed") throw new SpurError(ErrorCode.FeedbackRequestClosed, msg("feedback.request.alreadyClosed"));
  if (request.recipients.some((r) => r.peer.id === input.peer.id && r.status === "asked")) {
    await deps.feedbackRequests.markSkipped(request.id, input.peer.id);
  }
  const after = (await requestWithAnswers(deps, request.id)) ?? request;
  return { request: after, settled: isSettled(after) };
}

export interface RequestJobDeps extends AnsweredDeps {
  feedback: FeedbackRepository;
  feedbackRequests: FeedbackRequestRepository;
  messengerFor: MessengerFor;
}

type Recipient = FeedbackRequestView["recipients"][number];

/**
 * Messages each peer in turn. A permanent refusal (account gone, DMs blocked) is recorded and skipped; a
 * transient failure is thrown after everyone else was tried, so the job's retry only repeats what is missing.
 */
async function messageEach(
  peers: Recipient[],
  send: (r: Recipient) => Promise<void>,
  undeliverable: (r: Recipient, reason: string) => Promise<void>,
): Promise<number> {
  let sent = 0;
  let transient: TransientError | undefined;
  for (const r of peers) {
    try {
      await send(r);
      sent++;
    } catch (err) {
      if (err instanceof TransientError) transient ??= err;
      else await undeliverable(r, err instanceof Error ? err.message : String(err));
    }
  }
  if (transient) throw transient;
  return sent;
}

/** DMs each asked peer who has not had the request yet. Safe to repeat. */
export async function sendRequestDms(deps: RequestJobDeps, requestId: string): Promise<number> {
  // Everyone asked gets the request, including who answered earlier in the period (their click says so).
  const request = await deps.feedbackRequests.get(requestId);
  const messenger = request && request.status !== "closed" ? await deps.messengerFor(request.workspaceId) : null;
  if (!request || !messenger) return 0;
  return messageEach(
    request.recipients.filter((r) => !r.dmRef && r.status === "asked"),
    async (r) => {
      const posted = await messenger.send(r.peer.platformUserId, { kind: "feedback_request", request });
      await deps.feedbackRequests.markDmSent(r.id, `${posted.channelId}:${posted.messageRef}`);
    },
    (r, reason) => deps.feedbackRequests.markDmSent(r.id, `undeliverable:${reason}`.slice(0, 200)),
  );
}

/** Reminds peers who have neither answered nor skipped; each at most once. */
export async function remindPeers(deps: RequestJobDeps, requestId: string, now: Date): Promise<number> {
  const request = await requestWithAnswers(deps, requestId);
  const messenger = request && request.status !== "closed" ? await deps.messengerFor(request.workspaceId) : null;
  if (!request || !messenger) return 0;
  return messageEach(
    request.recipients.filter((r) => r.status === "asked" && !r.remindedAt && !r.dmRef?.startsWith("undeliverable:")),
    async (r) => {
      await messenger.send(r.peer.platformUserId, { kind: "feedback_reminder", request });
      await deps.feedbackRequests.markReminded(r.id, now);
    },
    (r) => deps.feedbackRequests.markReminded(r.id, now),
  );
}

/** After a peer answered: their request DM loses its buttons. */
export async function markRequestDmAnswered(
  deps: Pick<RequestJobDeps, "feedbackRequests" | "messengerFor">,
  input: { requestId: string; peerId: string },
): Promise<boolean> {
  const request = await deps.feedbackRequests.get(input.requestId);
  const ref = request?.recipients.find((r) => r.peer.id === input.peerId)?.dmRef;
  if (!request || !ref || ref.startsWith("undeliverable:")) return false;
  const messenger = await deps.messengerFor(request.workspaceId);
  if (!messenger) return false;
  await messenger.update(ref, { kind: "feedback_request_answered", request });
  return true;
}

/**
 * Closes a request that is due or fully answered and sends the lead one summary. The summary names who was
 * asked and how many answered, never who answered anonymously.
 */
export async function closeFeedbackRequest(
  deps: RequestJobDeps,
  input: { requestId: string; now: Date; leaseMs: number },
): Promise<"closed" | "not_due" | "already_summarised" | "not_found" | "not_installed"> {
  const request = await requestWithAnswers(deps, input.requestId);
  if (!request) return "not_found";
  const allDone = isSettled(request);
  if (request.status === "open" && !allDone && input.now < request.dueAt) return "not_due";
  await deps.feedbackRequests.close(request.id, input.now);
  // Closed either way; with Spur uninstalled there is nobody to send the summary through.
  const messenger = await deps.messengerFor(request.workspaceId);
  if (!messenger) return "not_installed";
  if (!(await deps.feedbackRequests.claimSummary(request.id, input.now, input.leaseMs))) return "already_summarised";
  try {
    const closed = (await requestWithAnswers(deps, request.id)) ?? request;
    const count = (s: string) => closed.recipients.filter((r) => r.status === s).length;
    const aggregate = await peerFeedbackAggregate(deps, {
      workspaceId: closed.workspaceId,
      subjectId: closed.subject.id,
      periodKey: closed.periodKey,
    });
    const summary: FeedbackRequestSummary = {
      request: closed,
      answered: count("answered"),
      skipped: count("skipped"),
      noResponse: count("asked"),
      aggregate,
      reason: allDone ? "all_answered" : "due",
    };
    const posted = await messenger.send(closed.lead.platformUserId, { kind: "feedback_summary", summary });
    await deps.feedbackRequests.markSummaryPosted(closed.id, `${posted.channelId}:${posted.messageRef}`);
    return "closed";
  } catch (err) {
    if (err instanceof TransientError) await deps.feedbackRequests.releaseSummary(request.id);
    throw err;
  }
}
