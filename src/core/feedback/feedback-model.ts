// Peer (360°) feedback and recognition prompts: the domain's plain objects.
import type { Member } from "../shared/model.ts";

export type FeedbackVisibility = "named" | "anonymous";
export type FeedbackRecipientStatus = "asked" | "answered" | "skipped";

/** The smallest anonymity threshold Spur allows, whatever a workspace configures. */
export const MIN_ANONYMITY_THRESHOLD = 3;

export const DEFAULT_FEEDBACK_DIMENSIONS: { key: string; label: string }[] = [
  { key: "helpfulness", label: "Helpfulness" },
  { key: "knowledge", label: "Knowledge" },
  { key: "communication", label: "Communication" },
  { key: "collaboration", label: "Collaboration" },
];

export interface FeedbackDimension {
  id: string;
  key: string;
  label: string;
}

/** A validated modal submission, before it is tied to a giver and period. */
export interface FeedbackDraft {
  /** Score 1–5 per dimension key. */
  ratings: Record<string, number>;
  keepDoing: string | null;
  improve: string | null;
  visibility: FeedbackVisibility;
}

/**
 * What the store writes. A named answer is stored as given; an anonymous one carries no giver id and waits,
 * unread, for its batch. `marks` enforce one answer per person (see feedback-anonymity.ts): the first is written,
 * any of them already present means this person answered. Nothing of a request is written with an answer.
 */
export interface NewFeedbackAnswer {
  workspaceId: string;
  subjectId: string;
  periodKey: string;
  visibility: FeedbackVisibility;
  giverId: string | null;
  marks: string[];
  keepDoing: string | null;
  improve: string | null;
  /** Local calendar date (YYYY-MM-DD); kept for named answers only. */
  answeredOn: string;
  ratings: { dimensionId: string; score: number }[];
}

export interface DimensionStat {
  key: string;
  label: string;
  sum: number;
  count: number;
}

/**
 * Sums per dimension, kept apart by visibility: named answers as given, anonymous ones as of the latest release
 * (see feedback-release.ts), so anonymous answers can also be withheld as a whole.
 */
export interface FeedbackStats {
  named: { answers: number; dimensions: DimensionStat[] };
  anonymous: { answers: number; dimensions: DimensionStat[] };
}

export interface NamedFeedback {
  giver: Pick<Member, "displayName" | "platformUserId">;
  ratings: { key: string; label: string; score: number }[];
  keepDoing: string | null;
  improve: string | null;
}

export interface FeedbackRequestView {
  id: string;
  workspaceId: string;
  lead: Member;
  subject: Member;
  periodKey: string;
  dueAt: Date;
  /** The subject's team time zone, in which the due date was given. */
  timeZone: string;
  status: "open" | "closed";
  recipients: { id: string; peer: Member; status: FeedbackRecipientStatus; dmRef: string | null; remindedAt: Date | null }[];
  summaryRef: string | null;
}

export interface NewFeedbackRequest {
  workspaceId: string;
  leadId: string;
  subjectId: string;
  periodKey: string;
  dueAt: Date;
  peerIds: string[];
  idempotencyKey: string;
}

export interface PromptSchedule {
  enabled: boolean;
  /** ISO weekday, 1 = Monday. */
  day: number;
  /** Local minutes after midnight. */
  minuteOfDay: number;
}

export const DEFAULT_PROMPT_SCHEDULE: PromptSchedule = { enabled: true, day: 5, minuteOfDay: 15 * 60 };

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
  /** Answers behind the numbers: named ones, plus released anonymous ones once the threshold is met. */
  answers: number;
  dimensions: DimensionResult[];
  /** Dimensions without a figure yet (too few ratings), listed only when others have one. */
  withheld: { key: string; label: string }[];
  overall: number | null;
  anonymousShown: boolean;
}

export interface FeedbackRequestSummary {
  request: FeedbackRequestView;
  answered: number;
  skipped: number;
  noResponse: number;
  aggregate: FeedbackAggregate;
  /** Why it closed. */
  reason: "all_answered" | "due";
}
