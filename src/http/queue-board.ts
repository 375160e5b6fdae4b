// Bull Board (the BullMQ dashboard) at /admin/queues, behind HTTP Basic auth with ADMIN_TOKEN as the
// password. Without ADMIN_TOKEN it is not mounted at all.
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { ExpressAdapter } from "@bull-board/express";
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

export function createQueueBoard(queues: Queue[], token: string): Route {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: "Spur queues" } } });
  const router = serverAdapter.getRouter() as (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  return (req, res) => {
    if (!authorised(req, token)) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="Spur queues"', "content-type": "text/plain" }).end("Unauthorized");
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
