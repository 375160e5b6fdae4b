// In multi-workspace mode Bolt looks up the workspace's install before any listener runs; when PostgreSQL is
// down that look-up fails, and Bolt would answer a slash command with an empty 200 (no reply at all). The
// request is answered here instead: a slash command with "Spur can't reach its database" in its ack body (in the
// default language: the member's is in the database), an event with a 500 so Slack delivers it again.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import { ErrorCode as BoltErrorCode, type CodedError, type ReceiverProcessEventErrorHandlerArgs } from "@slack/bolt";
import { DEFAULT_LOCALE } from "../i18n/locale.ts";
import { msg } from "../i18n/message.ts";
import { isDatabaseUnavailable } from "../store/database-unavailable.ts";
import { refusal } from "../use-cases/failure.ts";
import { renderBody } from "./render/blocks.ts";

/** Bolt's authorize step failed because the database could not be reached. */
export function isOutageAuthorizationError(error: CodedError | Error): boolean {
  return "code" in error && error.code === BoltErrorCode.AuthorizationError && isDatabaseUnavailable(error);
}

function rawBodyOf(request: IncomingMessage): string {
  const raw = (request as IncomingMessage & { rawBody?: Buffer }).rawBody;
  return raw ? raw.toString("utf8") : "";
}

function isSlashCommand(request: IncomingMessage): boolean {
  if (!String(request.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) return false;
  const form = parse(rawBodyOf(request));
  return typeof form.command === "string" && typeof form.payload !== "string";
}

function answer(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/**
 * Bolt's processEventErrorHandler: an outage is answered as above; anything else as Bolt does it by default
 * (`fallback`). True when the request was answered.
 */
export function outageAwareErrorHandler(fallback: (args: ReceiverProcessEventErrorHandlerArgs) => Promise<boolean>) {
  return async (args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    const { error, request, response } = args;
    if (response.headersSent || !isOutageAuthorizationError(error)) return fallback(args);
    if (isSlashCommand(request)) {
      const message = renderBody(refusal(msg("error.databaseUnavailable")), DEFAULT_LOCALE);
      answer(response, 200, { response_type: "ephemeral", text: message.text, blocks: message.blocks ?? [] });
    } else {
      // Events are delivered again after a 500; interactions have no reply body Slack would show.
      answer(response, 500);
    }
    return true;
  };
}
