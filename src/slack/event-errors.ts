// How Spur answers Slack when a request could not be processed. An event whose listener failed gets a 500, so
// Slack delivers it again (listeners are idempotent); a payload Bolt itself cannot read (a signed but malformed
// body: `channel: null`, an event without a user …) gets a 400, since delivering it again cannot help.
import { ErrorCode, type CodedError } from "@slack/bolt";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";

/** A listener's failure on an event callback: answered 500 so that Slack retries the delivery. */
export class SlackEventRetry extends Error {
  readonly code = "slack_event_retry";
  constructor(readonly failure: unknown) {
    super("a listener failed on a Slack event; Slack will deliver it again");
  }
}

export function slackProcessingErrorHandler(logger: Logger) {
  return async ({ error, response }: { error: Error | CodedError; response: ServerResponse }): Promise<boolean> => {
    if (response.headersSent) return false;
    if ((error as CodedError).code === ErrorCode.AuthorizationError) {
      response.writeHead(401).end();
      return true;
    }
    if (error instanceof SlackEventRetry) {
      response.writeHead(500).end();
      return false;
    }
    logger.warn({ err: error }, "Slack request Bolt could not process: answered 400");
    response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_payload" }));
    return true;
  };
}

/**
 * Slack gives up on an answer after 3 seconds; Bolt sometimes never answers (a signed body that is JSON `null`
 * fails inside its receiver, leaving the connection open). After this long, such a request gets a 400.
 */
export const SLACK_RESPONSE_DEADLINE_MS = 5_000;

export function withResponseDeadline(listener: (req: IncomingMessage, res: ServerResponse) => void, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const timer = setTimeout(() => {
      if (res.headersSent || res.writableEnded) return;
      logger.warn({ path: req.url?.split("?")[0] }, "Slack request not answered in time: answered 400");
      res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_payload" }));
    }, SLACK_RESPONSE_DEADLINE_MS);
    timer.unref();
    res.on("close", () => clearTimeout(timer));
    listener(req, res);
  };
}
