// Bull Board (the BullMQ dashboard) at /admin/queues, behind HTTP Basic auth with ADMIN_TOKEN as the
// password. Without ADMIN_TOKEN it is not mounted at all; with it, Bull Board (and Express under it) is imported
// at the first request to the dashboard, so the request path never carries it.
import type { Queue } from "bullmq";
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Route } from "./server.ts";

export const QUEUE_BOARD_PATH = "/admin/queues";

function authorised(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Basic (.+)$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const password = Buffer.from(decoded.slice(decoded.indexOf(":") + 1));
  const expected = Buffer.from(token);
  return password.length === expected.length && timingSafeEqual(password, expected);
}

type Router = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

async function boardRouter(queues: Queue[]): Promise<Router> {
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import("@bull-board/api"),
    import("@bull-board/api/bullMQAdapter"),
    import("@bull-board/express"),
  ]);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: "Spur queues" } } });
  return serverAdapter.getRouter() as Router;
}

export function createQueueBoard(queues: Queue[], token: string): Route {
  let board: Promise<Router> | undefined;
  return async (req, res) => {
    if (!authorised(req, token)) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="Spur queues"', "content-type": "text/plain" }).end("Unauthorized");
      return;
    }
    board ??= boardRouter(queues);
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
