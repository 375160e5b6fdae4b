// Spur's single HTTP server: Slack's endpoints go to Bolt's receiver, Teams' to botbuilder's adapter, plus
// health, readiness and metrics.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";
import type { SpurMetrics } from "../metrics.ts";

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface ReadinessCheck {
  ok: boolean;
  /** "ok" or "unavailable" per dependency: never an error's text, which may name hosts or queries. */
  checks: Record<string, "ok" | "unavailable">;
}

export interface HttpRoutes {
  /** Requests under /slack/ (events, commands, interactivity); absent in a worker-only process. */
  slack?: Route;
  /** The queue dashboard under /admin/queues, when an admin token is configured. */
  queueBoard?: Route;
  /** Requests under /api/ and /webhooks/ (KPI ingestion). */
  ingest?: Route;
  /** POST /api/messages from the Bot Framework; absent when Teams is not configured (the path answers 404). */
  teams?: Route;
  /** GET /charts/<id>.png: digest charts shown in Teams cards. */
  charts?: Route;
  ready(): Promise<ReadinessCheck>;
  metrics: SpurMetrics;
  logger: Logger;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export function createHttpServer(routes: HttpRoutes): Server {
  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    res.setHeader("x-request-id", requestId);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (path.startsWith("/slack/")) routes.metrics.ackSeconds.observe(seconds);
      routes.logger.debug({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    });

    if (path.startsWith("/slack/") && routes.slack) {
      try {
        void routes.slack(req, res);
      } catch {
        // Bolt's receiver throws (synchronously) for a path it does not serve, e.g. /slack/install without OAuth.
        json(res, 404, { error: "not_found" });
      }
      return;
    }
    if (path === "/api/messages" && routes.teams) {
      void Promise.resolve(routes.teams(req, res)).catch((err: unknown) => {
        routes.logger.error({ err, requestId }, "Teams request failed");
        if (!res.headersSent) json(res, 500, { error: "internal_error" });
      });
      return;
    }
    if (routes.ingest && (path.startsWith("/api/") || path.startsWith("/webhooks/"))) {
      void routes.ingest(req, res);
      return;
    }
    if ((path === "/admin/queues" || path.startsWith("/admin/queues/")) && routes.queueBoard) {
      void routes.queueBoard(req, res);
      return;
    }
    if (req.method !== "GET") return json(res, 404, { error: "not_found" });
    if (path.startsWith("/charts/") && routes.charts) {
      void Promise.resolve(routes.charts(req, res)).catch((err: unknown) => {
        routes.logger.error({ err, requestId }, "chart request failed");
        if (!res.headersSent) json(res, 500, { error: "internal_error" });
      });
      return;
    }
    if (path === "/healthz") return json(res, 200, { status: "ok" });
    if (path === "/readyz") {
      void routes.ready().then(
        (r) => json(res, r.ok ? 200 : 503, { status: r.ok ? "ready" : "not_ready", checks: r.checks }),
        (err: unknown) => {
          routes.logger.error({ err }, "readiness check failed");
          json(res, 503, { status: "not_ready" });
        },
      );
      return;
    }
    if (path === "/metrics") {
      void routes.metrics.registry.metrics().then((text) => {
        res.writeHead(200, { "content-type": routes.metrics.registry.contentType }).end(text);
      });
      return;
    }
    json(res, 404, { error: "not_found" });
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
