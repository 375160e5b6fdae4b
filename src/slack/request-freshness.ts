// Slack signs "v0:timestamp:body", and a request older than five minutes is a replay. Bolt refuses only old
// timestamps, so a signed request dated in the future would be accepted until that future passed; this refuses
// a timestamp more than five minutes away from now in either direction, before Bolt reads the request.
import type { IncomingMessage, ServerResponse } from "node:http";

export const MAX_SKEW_SECONDS = 5 * 60;

type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The request's x-slack-request-timestamp is within the allowed skew of now (absent: Bolt refuses it). */
export function freshSlackTimestamp(req: IncomingMessage, nowMs = Date.now()): boolean {
  const header = req.headers["x-slack-request-timestamp"];
  if (header === undefined) return true;
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isInteger(seconds) && Math.abs(nowMs / 1000 - seconds) <= MAX_SKEW_SECONDS;
}

export function refusingSkewedTimestamps(listener: Listener): Listener {
  return (req, res) => {
    if (!freshSlackTimestamp(req)) {
      res.writeHead(401, { "content-type": "text/plain" }).end("request timestamp is more than five minutes from now");
      return;
    }
    return listener(req, res);
  };
}
