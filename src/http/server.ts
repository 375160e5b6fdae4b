// Spur's single HTTP server: Slack's endpoints go to Bolt's receiver, plus health checks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpRoutes {
  /** Requests under /slack/ (events, commands, interactivity). */
  slack: Route;
  /** Requests under /api/ and /webhooks/ (KPI ingestion). */
  ingest?: Route;
}

export function createHttpServer(routes: HttpRoutes): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/slack/")) {
      void routes.slack(req, res);
      return;
    }
    if (routes.ingest && (path.startsWith("/api/") || path.startsWith("/webhooks/"))) {
      void routes.ingest(req, res);
      return;
    }
    if (path === "/healthz" && req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not_found" }));
  });
}

export function listen(server: Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}

/** Stops accepting connections and waits for in-flight requests to finish. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeIdleConnections();
  });
}
