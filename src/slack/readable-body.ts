// Bolt parses a signed body and then reads `body.ssl_check` of whatever it parsed: a body that is JSON `null`
// (or a form whose payload is) throws inside a promise of Bolt's own that nothing catches — an unhandled
// rejection, which would stop the process. The body is buffered here first (Bolt then uses the buffer, its
// `rawBody`), and one that cannot be a Slack payload is answered 400 before Bolt sees it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";

type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Bolt's own limit for a request body (HTTPModuleFunctions.defaultBodyLimit). */
export const SLACK_BODY_LIMIT = 4 * 1024 * 1024;

/** False when the body parses, as Bolt parses it, to something other than an object (null, a number …). */
export function parsesToObject(raw: Buffer, contentType: string | undefined): boolean {
  const text = raw.toString("utf8");
  let json = text;
  if (contentType === "application/x-www-form-urlencoded") {
    const { payload } = parse(text);
    if (typeof payload !== "string") return true;
    json = payload;
  }
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null;
  } catch {
    return true; // Bolt answers a body it cannot parse with its own 400
  }
}

function answer(res: ServerResponse, status: number, error: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error }));
}

/** Only Bolt's own endpoint is buffered: any other path goes to the listener at once, which may throw for it. */
export function refusingUnreadableBodies(listener: Listener, endpoint = "/slack/events", limit = SLACK_BODY_LIMIT): Listener {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || path !== endpoint) return listener(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        answer(res, 413, "payload_too_large");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      refused = true;
      answer(res, 400, "invalid_payload");
    });
    req.on("end", () => {
      if (refused) return;
      const raw = Buffer.concat(chunks);
      if (!parsesToObject(raw, req.headers["content-type"])) {
        answer(res, 400, "invalid_payload");
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      void listener(req, res);
    });
  };
}
