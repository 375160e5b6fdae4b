// What the person is told when an interaction fails: a coded refusal in its own words, anything else as
// one generic apology (the cause goes to the logs, never to the chat).
import { isSpurError, type ErrorCode } from "../core/shared/errors.ts";
import { msg, type Msg } from "../i18n/message.ts";
import type { Body } from "./body.ts";

export type Failure =
  | { outcome: "refused"; code: ErrorCode; body: Body }
  | { outcome: "error"; body: Body };

export function failureOf(err: unknown): Failure {
  if (isSpurError(err)) return { outcome: "refused", code: err.code, body: refusal(err.reply) };
  return { outcome: "error", body: refusal(msg("error.internal")) };
}

/**
 * A refusal as a message body. A plain string is an older core message still written in English; each one
 * moves into the catalogue as its feature is ported.
 */
export function refusal(reply: Msg | string): Body {
  return { tone: "warning", blocks: [reply === null || typeof reply === "string" ? { kind: "quote", text: reply } : { kind: "text", text: reply }] };
}
