// What the person is told when an interaction fails: a coded refusal in its own words, a database outage as
// "try again shortly", anything else as one generic apology (the cause goes to the logs, never to the chat).
import { ErrorCode, isSpurError } from "../core/shared/errors.ts";
import { InvalidTextError } from "../core/shared/user-text.ts";
import { msg, type Msg } from "../i18n/message.ts";
import { isDatabaseUnavailable } from "../store/database-unavailable.ts";
import type { Body } from "./body.ts";

export type Failure =
  /** `field`: the form field the refusal is about, when the error says. */
  | { outcome: "refused"; code: ErrorCode; body: Body; field?: string }
  | { outcome: "error"; code: ErrorCode; body: Body };

export function failureOf(err: unknown): Failure {
  if (err instanceof InvalidTextError && err.field) return { outcome: "refused", code: err.code, body: refusal(err.reply), field: err.field };
  if (isSpurError(err)) return { outcome: "refused", code: err.code, body: refusal(err.reply) };
  if (isDatabaseUnavailable(err)) return { outcome: "error", code: ErrorCode.DatabaseUnavailable, body: refusal(msg("error.databaseUnavailable")) };
  return { outcome: "error", code: ErrorCode.Internal, body: refusal(msg("error.internal")) };
}

/** A refusal as a message body. */
export function refusal(reply: Msg): Body {
  return { tone: "warning", blocks: [{ kind: "text", text: reply }] };
}
