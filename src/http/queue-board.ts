// Bull Board (the BullMQ dashboard) at /admin/queues, behind HTTP Basic auth with ADMIN_TOKEN as the
// password. Without ADMIN_TOKEN it is not mounted at all; with it, Bull Board (and Express under it) is imported
// at the first request to the dashboard, so the request path never carries it. It is read-only (only GET and
// HEAD reach it) unless QUEUE_BOARD_WRITES is set; then every write is logged as an audit line: who, what, which queue.
import type { Queue } from "bullmq";
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";
import type { Route } from "./server.ts";

export const QUEUE_BOARD_PATH = "/admin/queues";

/** The Basic auth user name when the password is the admin token, else null. */
function authorisedUser(req: IncomingMessage, token: string): string | null {
  const header = req.headers.authorization ?? "";
  const match = /^Basic (.+)$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const password = Buffer.from(decoded.slice(colon + 1));
  const expected = Buffer.from(token);
  if (password.length !== expected.length || !timingSafeEqual(password, expected)) return null;
  return colon > 0 ? decoded.slice(0, Math.min(colon, 100)) : "";
}

const READS = new Set(["GET", "HEAD"]);

export interface QueueBoardOptions {
  token: string;
  /** QUEUE_BOARD_WRITES: retries, adds, removals and cleans are allowed (and audited). */
  writes: boolean;
  logger: Logger;
}

type Router = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

async function boardRouter(queues: Queue[], writes: boolean): Promise<Router> {
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import("@bull-board/api"),
    import("@bull-board/api/bullMQAdapter"),
    import("@bull-board/express"),
  ]);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    // Read-only queues also hide the board's write buttons.
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: !writes })),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Spur queues" } },
  });
  return serverAdapter.getRouter() as Router;
}

export function createQueueBoard(queues: Queue[], options: QueueBoardOptions): Route {
  let board: Promise<Router> | undefined;
  return async (req, res) => {
    const user = authorisedUser(req, options.token);
    if (user === null) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="Spur queues"', "content-type": "text/plain" }).end("Unauthorized");
      return;
    }
    const method = req.method ?? "GET";
    if (!READS.has(method)) {
      if (!options.writes) {
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("The queue dashboard is read-only (set QUEUE_BOARD_WRITES=true to allow changes).");
        return;
      }
      const path = (req.url ?? "/").split("?")[0]?.slice(0, 300);
      options.logger.warn({ audit: "queue_board.write", user, method, path, remote: req.socket.remoteAddress }, "queue dashboard write");
    }
    board ??= boardRouter(queues, options.writes);
    const router = await board.catch(() => {
      board = undefined; // tried again at the next request
      return null;
    });
    if (!router) {
      res.writeHead(500, { "content-type": "text/plain" }).end("Error");
      return;
    }
    // Mounted the way app.use(QUEUE_BOARD_PATH, router) would: the router sees paths below the mount point.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = (req.url ?? "/").slice(QUEUE_BOARD_PATH.length) || "/";
    router(req, res, (err?: unknown) => {
      res.writeHead(err ? 500 : 404, { "content-type": "text/plain" }).end(err ? "Error" : "Not found");
    });
  };
}
