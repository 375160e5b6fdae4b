// The interfaces peer feedback and recognition prompts need from the outside world.
import type { AuditEntry } from "../shared/audit.ts";
import type {
  DimensionStat,
  FeedbackDimension,
  FeedbackRequestSummary,
  FeedbackRequestView,
  FeedbackStats,
  NamedFeedback,
  NewFeedbackAnswer,
  NewFeedbackRequest,
  PromptSchedule,
} from "./feedback-model.ts";
import type { ReleasedFigures } from "./feedback-release.ts";
import type { Member } from "../shared/model.ts";
import type { PostedRef } from "../shared/ports.ts";

export interface FeedbackRepository {
  /** The workspace's active dimensions in order; the defaults are created on first use. */
  dimensions(workspaceId: string): Promise<FeedbackDimension[]>;
  /** Adds a dimension or brings an archived one back; returns false when it is already active. */
  addDimension(workspaceId: string, key: string, label: string): Promise<boolean>;
  /** Archives a dimension (its past ratings stay); returns false when there was no such active dimension. */
  archiveDimension(workspaceId: string, key: string): Promise<boolean>;
  anonymityThreshold(workspaceId: string): Promise<number>;
  /** Writes the admin's audit entry in the same transaction. */
  setAnonymityThreshold(workspaceId: string, threshold: number, audit: AuditEntry): Promise<void>;
  /** Writes the answer, its ratings and its mark atomically; `created` is false when this giver already answered. */
  recordAnswer(answer: NewFeedbackAnswer): Promise<{ created: boolean }>;
  /** Named answers as given, anonymous ones as of the latest release. */
  stats(subjectId: string, periodKey: string): Promise<FeedbackStats>;
  /** What an aggregate needs in one read: `stats`, the threshold and the active dimensions. */
  aggregateInputs(workspaceId: string, subjectId: string, periodKey: string): Promise<{ stats: FeedbackStats; threshold: number; dimensions: FeedbackDimension[] }>;
  namedAnswers(subjectId: string, periodKey: string): Promise<NamedFeedback[]>;
  /** Comments of released anonymous answers, per release in order (`seq` 1, 2 …), each list in no stored order. */
  releasedComments(subjectId: string, periodKey: string): Promise<{ seq: number; keepDoing: string[]; improve: string[] }[]>;
  /** Which of these marks are stored for the subject and period. */
  existingMarks(subjectId: string, periodKey: string, marks: string[]): Promise<Set<string>>;
  /** Each member's feedback salt (part of their marks), by member id. */
  giverSalts(memberIds: string[]): Promise<Map<string, string>>;
  /**
   * In one transaction, under a lock per subject and period: when at least `threshold` anonymous answers are
   * waiting, stores them all as one release whose figures `next` computes (from the previous release's, the
   * sums over every anonymous answer the release makes visible, and their count). False when none was due.
   */
  releaseAnonymous(
    input: { workspaceId: string; subjectId: string; periodKey: string; threshold: number; releasedOn: string },
    next: (previous: ReleasedFigures | null, totals: DimensionStat[], answers: number) => ReleasedFigures,
  ): Promise<boolean>;
}

export interface FeedbackRequestRepository {
  create(request: NewFeedbackRequest): Promise<{ request: FeedbackRequestView; created: boolean }>;
  get(requestId: string): Promise<FeedbackRequestView | null>;
  /** asked → skipped for this peer; false when the peer was not asked or already answered. */
  markSkipped(requestId: string, peerId: string): Promise<boolean>;
  markDmSent(recipientId: string, ref: string): Promise<void>;
  markReminded(recipientId: string, at: Date): Promise<void>;
  /** open → closed; false when it was already closed. */
  close(requestId: string, now: Date): Promise<boolean>;
  /** Claims the right to send the lead's summary for a while; false when sent or claimed by another worker. */
  claimSummary(requestId: string, now: Date, leaseMs: number): Promise<boolean>;
  markSummaryPosted(requestId: string, ref: string): Promise<void>;
  releaseSummary(requestId: string): Promise<void>;
}

export interface RecognitionPromptRepository {
  schedule(teamId: string): Promise<PromptSchedule>;
  /** With `audit`, written in the same transaction (none when nothing changes). */
  setSchedule(teamId: string, schedule: PromptSchedule, audit?: AuditEntry): Promise<PromptSchedule>;
  setOptedOut(memberId: string, optedOut: boolean): Promise<void>;
  /** Active people of the team (no bots, no deactivated accounts) who have not opted out. */
  recipients(teamId: string): Promise<Member[]>;
  /** Claims the member's prompt for the week; null when it was already claimed (sent or being sent). */
  claim(memberId: string, teamId: string, weekKey: string): Promise<string | null>;
  markSent(promptId: string, ref: string): Promise<void>;
  /** Drops a claim whose send failed, so a retry may send it. */
  release(promptId: string): Promise<void>;
  /** Records "Not this week"; false when there was no prompt for that member and week. */
  dismiss(memberId: string, weekKey: string): Promise<boolean>;
}

/** The active people of a team (no bots or deactivated accounts). */
export interface TeamRoster {
  membersOf(teamId: string): Promise<Member[]>;
  /** A member of this workspace by Spur's id (ids from interactive payloads are checked this way). */
  memberById(workspaceId: string, memberId: string): Promise<Member | null>;
}

/** Direct messages feedback and prompts send to one person. One implementation per platform. */
export type DirectMessage =
  | { kind: "feedback_request"; request: FeedbackRequestView }
  | { kind: "feedback_reminder"; request: FeedbackRequestView }
  /** Replaces a request DM's buttons once the peer has answered. */
  | { kind: "feedback_request_answered"; request: FeedbackRequestView }
  | { kind: "feedback_summary"; summary: FeedbackRequestSummary }
  | { kind: "recognition_prompt"; weekKey: string; member: Member };

export interface DirectMessenger {
  send(platformUserId: string, message: DirectMessage): Promise<PostedRef>;
  /** Replaces a message sent earlier (`ref` as "channel:ts"). */
  update(ref: string, message: DirectMessage): Promise<void>;
}

/** The messenger for a workspace's members; null when Spur can no longer reach that workspace (uninstalled). */
export type MessengerFor = (workspaceId: string) => Promise<DirectMessenger | null>;
