// Every failure Spur reports carries a stable code (for logs, metrics and tests) and a message written
// for the person in the chat. Platform adapters render the message; they never invent their own.
import { localize } from "../../i18n/localize.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import { PLAIN, spell } from "../../i18n/spell.ts";

export const ErrorCode = {
  // Command text and input
  UsageHelp: "usage_help",
  NoRecipients: "no_recipients",
  MissingReason: "missing_reason",
  ReasonTooLong: "reason_too_long",
  InvalidPoints: "invalid_points",
  TooManyRecipients: "too_many_recipients",
  InvalidValueTag: "invalid_value_tag",
  UnresolvedMention: "unresolved_mention",
  UnknownArgument: "unknown_argument",
  /** Text with a character Spur cannot store (NUL, another control character, half a surrogate pair). */
  InvalidText: "invalid_text",
  /** A period outside the years Spur keeps (e.g. /scorecard 9999-Q4). */
  PeriodOutOfRange: "period_out_of_range",
  // Kudos rules
  SelfKudos: "self_kudos",
  BotRecipient: "bot_recipient",
  BotGiver: "bot_giver",
  DeactivatedMember: "deactivated_member",
  UnknownUser: "unknown_user",
  // Access
  NotAllowed: "not_allowed",
  // Peer feedback and recognition prompts
  SelfFeedback: "self_feedback",
  FeedbackAlreadyGiven: "feedback_already_given",
  FeedbackRequestClosed: "feedback_request_closed",
  NotAsked: "not_asked",
  NoPeers: "no_peers",
  InvalidDueDate: "invalid_due_date",
  InvalidDimension: "invalid_dimension",
  InvalidThreshold: "invalid_threshold",
  StaleInteraction: "stale_interaction",
  // Infrastructure
  PlatformUnavailable: "platform_unavailable",
  /** The chat workspace has no (or no longer an) installation of Spur to act with. */
  NotInstalled: "not_installed",
  Internal: "internal_error",
  /** PostgreSQL could not be reached: nothing was done, and trying again shortly may work. */
  DatabaseUnavailable: "database_unavailable",
  // Recognition rules and administration
  AllowanceExceeded: "allowance_exceeded",
  Cooldown: "cooldown",
  UnknownValue: "unknown_value",
  ValueRequired: "value_required",
  KudosNotFound: "kudos_not_found",
  AlreadyRevoked: "already_revoked",
  InvalidSetting: "invalid_setting",
  /** Another team of the workspace already has the name (compared without case). */
  TeamNameTaken: "team_name_taken",
  /** Another level of the workspace already has the name (compared without case). */
  LevelNameTaken: "level_name_taken",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class SpurError extends Error {
  readonly code: ErrorCode;
  /** What the person who triggered the failure is told, in their language (a catalogue message). */
  readonly reply: Msg;

  constructor(code: ErrorCode, reply: Msg, options?: { cause?: unknown }) {
    super(`${code}: ${spell(localize(reply, "en"), PLAIN)}`, options);
    this.name = "SpurError";
    this.code = code;
    this.reply = reply;
  }

  /** The reply in English plain text (logs, tests). */
  get userMessage(): string {
    return spell(localize(this.reply, "en"), PLAIN);
  }
}

/** The acting member could not be looked up (the platform did not answer for them): worded once, here. */
export function unknownActor(): SpurError {
  return new SpurError(ErrorCode.UnknownUser, msg("actor.unknown"));
}

export function isSpurError(err: unknown): err is SpurError {
  return err instanceof SpurError;
}

/** A retryable failure of an outside service (chat platform rate limit, 5xx, network). */
export class TransientError extends Error {
  /** How long the platform asked us to wait (its Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  /** The platform rate-limited us (429): wait and retry without counting it as a failed attempt. */
  readonly rateLimited: boolean;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number; rateLimited?: boolean }) {
    super(message, options);
    this.name = "TransientError";
    this.retryAfterMs = options?.retryAfterMs;
    this.rateLimited = options?.rateLimited ?? options?.retryAfterMs !== undefined;
  }
}

/** The platform refused a post for good (bot removed, conversation gone): retrying cannot help. */
export class DeliveryRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DeliveryRefusedError";
  }
}
