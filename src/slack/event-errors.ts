// How Spur answers Slack when a request could not be processed. An event whose listener failed gets a 500, so
// Slack delivers it again (listeners are idempotent); a payload Bolt itself cannot read (a signed but malformed
// body: `channel: null`, an event without a user …) gets a 400, since delivering it again cannot help.
import { ErrorCode, type CodedError } from "@slack/bolt";
import type { ServerResponse } from "node:http";
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
