// Classifies Slack Web API failures: retry later (rate limit, 5xx, network) or give up with a reason.
import { TransientError } from "../core/shared/errors.ts";

interface WebApiErrorShape {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/** Slack API errors that mean "this will not work until someone changes something". */
export const PERMANENT_SLACK_ERRORS = new Set([
  "channel_not_found",
  "is_archived",
  "not_in_channel",
  "account_inactive",
  "invalid_auth",
  "token_revoked",
  "missing_scope",
  "restricted_action",
]);

export function slackErrorCode(err: unknown): string | undefined {
  return (err as WebApiErrorShape | undefined)?.data?.error;
}

/** Rethrows rate limits, 5xx and network failures as TransientError; other errors unchanged. */
export function classifySlackError(err: unknown): Error {
  const e = err as WebApiErrorShape;
  switch (e?.code) {
    case "slack_webapi_rate_limited_error":
      return new TransientError("Slack rate limit", { cause: err, retryAfterMs: (e.retryAfter ?? 1) * 1000 });
    case "slack_webapi_request_error":
      return new TransientError("Slack unreachable", { cause: err });
    case "slack_webapi_http_error":
      if ((e.statusCode ?? 500) >= 500) return new TransientError(`Slack HTTP ${e.statusCode}`, { cause: err });
      break;
    case "slack_webapi_platform_error":
      if (slackErrorCode(err) === "ratelimited") return new TransientError("Slack rate limit", { cause: err, rateLimited: true });
      return new Error(`Slack refused: ${slackErrorCode(err) ?? "unknown_error"}`, { cause: err });
  }
  return err instanceof Error ? err : new Error(String(err));
}
