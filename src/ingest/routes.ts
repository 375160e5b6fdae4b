// HTTP endpoints for KPI ingestion: POST /api/kpis (JSON batch), POST /api/kpis/csv (streamed CSV) and
// POST /webhooks/{zendesk,intercom,freshdesk}?workspace=<id>.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Services } from "../app/services.ts";
import type { Route } from "../http/server.ts";
import { ingestHelpdeskEvent, type HelpdeskIngestDeps } from "../core/kpi/helpdesk-events.ts";
import { ingestKpiRecords, zodReason } from "../core/kpi/kpi-ingest.ts";
import { storableTextIssue } from "../core/shared/user-text.ts";
import { CsvHeaderError, type CsvLimits, importKpiCsv } from "./csv-import.ts";
import { CsvLimitError } from "./csv-parser.ts";
import { bearerToken, HttpError, parseJson, readBody, sendJson } from "./http-io.ts";
import { freshdesk } from "./webhooks/freshdesk.ts";
import { intercom } from "./webhooks/intercom.ts";
import { DELIVERY_MAX_AGE_MS, freshDelivery, type HelpdeskProvider } from "./webhooks/provider.ts";
import { zendesk } from "./webhooks/zendesk.ts";

export const MAX_BATCH = 5000;
const JSON_LIMIT = 10 * 1024 * 1024;
const WEBHOOK_LIMIT = 1024 * 1024;
const PROVIDERS: Record<string, HelpdeskProvider> = { zendesk, intercom, freshdesk };

const Batch = z.object({ records: z.array(z.unknown()).min(1, "must hold at least one record").max(MAX_BATCH, `may hold at most ${MAX_BATCH} records`) });

/** What the KPI API and the helpdesk webhooks need, and nothing more. */
export type IngestDeps = Pick<
  Services,
  "memberLookup" | "kpiWriter" | "kpiBulkImport" | "customerKudos" | "workspaces" | "helpdesks" | "apiTokens" | "clock" | "logger"
>;

export function createIngestRoutes(services: IngestDeps, options: { csv?: CsvLimits } = {}): Route {
  const deps = { members: services.memberLookup, writer: services.kpiWriter };
  const helpdeskDeps: HelpdeskIngestDeps = {
    ...deps,
    customerKudos: services.customerKudos,
    teamOf: async (member) => (member.teamId ? services.workspaces.teamById(member.teamId) : null),
    customerShoutouts: (workspaceId) => services.helpdesks.customerShoutouts(workspaceId),
  };

  async function workspaceOfToken(req: IncomingMessage): Promise<string> {
    const token = bearerToken(req);
    const workspaceId = token ? await services.apiTokens.verify(token) : null;
    if (!workspaceId) throw new HttpError(401, "unauthorized", "Send a valid workspace API token as `Authorization: Bearer <token>`.");
    return workspaceId;
  }

  async function postKpis(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const workspaceId = await workspaceOfToken(req);
    const parsed = Batch.safeParse(parseJson(await readBody(req, JSON_LIMIT)));
    if (!parsed.success) throw new HttpError(400, "invalid_body", zodReason(parsed.error));
    const result = await ingestKpiRecords(deps, { workspaceId, records: parsed.data.records, defaultSource: "api" });
    sendJson(res, 200, result);
  }

  async function postCsv(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const workspaceId = await workspaceOfToken(req);
    try {
      const partial = ["1", "true"].includes(new URL(req.url ?? "/", "http://spur.local").searchParams.get("partial") ?? "");
      const result = await importKpiCsv({ bulk: services.kpiBulkImport }, { workspaceId, chunks: req, partial, ...(options.csv ? { limits: options.csv } : {}) });
      const { rejections, ...counts } = result;
      const lines = rejections.map((r) => ({ line: r.index, reason: r.reason }));
      if (!result.imported) {
        const message = `Nothing was imported: ${result.rejected} row(s) have a problem (see rejections). Fix them and send the whole file again.`;
        return sendJson(res, 422, { error: "invalid_rows", message, ...counts, rejections: lines });
      }
      sendJson(res, 200, { ...counts, rejections: lines });
    } catch (err) {
      if (err instanceof CsvHeaderError) throw new HttpError(422, "invalid_header", `${err.message} Nothing was imported.`);
      if (err instanceof CsvLimitError) throw new HttpError(413, "payload_too_large", err.message, { limit: err.limit });
      throw err;
    }
  }

  async function webhook(provider: HelpdeskProvider, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const workspaceId = url.searchParams.get("workspace") ?? "";
    const raw = await readBody(req, WEBHOOK_LIMIT);
    const secret = z.string().uuid().safeParse(workspaceId).success ? await services.helpdesks.secret(workspaceId, provider.name) : null;
    const now = services.clock.now();
    if (!secret || !provider.authenticate(req.headers, raw, secret, now)) {
      services.logger.warn({ provider: provider.name, workspaceId }, "helpdesk webhook refused: bad signature or unknown workspace");
      throw new HttpError(401, "bad_signature", "The webhook signature or secret does not match this workspace's integration.");
    }
    const body = parseJson(raw);
    const badText = storableTextIssue(body);
    if (badText) throw new HttpError(400, "invalid_text", `${badText}. Nothing was stored.`);
    const parsed = provider.schema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, "invalid_payload", zodReason(parsed.error));
    if (provider.sentAt && !freshDelivery(provider.sentAt(parsed.data), now)) {
      services.logger.warn({ provider: provider.name, workspaceId }, "helpdesk webhook refused: sent too long ago or in the future");
      throw new HttpError(401, "stale_delivery", `The delivery was sent more than ${DELIVERY_MAX_AGE_MS / 60_000} minutes ago (or is dated in the future); Spur refuses replayed deliveries.`);
    }
    const results = [];
    for (const event of provider.toEvents(parsed.data, now)) {
      const outcome = await ingestHelpdeskEvent(helpdeskDeps, workspaceId, event);
      if (outcome.status === "unknown_agent") {
        services.logger.warn({ provider: provider.name, agent: outcome.agent }, "helpdesk event for an agent Spur cannot map");
      }
      results.push({ ref: event.ref, ...outcome });
    }
    sendJson(res, 200, { results });
  }

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://spur.local");
    try {
      if (req.method !== "POST") throw new HttpError(405, "method_not_allowed", "Use POST.");
      if (url.pathname === "/api/kpis") return await postKpis(req, res);
      if (url.pathname === "/api/kpis/csv") return await postCsv(req, res);
      const provider = /^\/webhooks\/([a-z]+)$/.exec(url.pathname)?.[1];
      if (provider && PROVIDERS[provider]) return await webhook(PROVIDERS[provider], req, res, url);
      throw new HttpError(404, "not_found", "No such endpoint.");
    } catch (err) {
      if (err instanceof HttpError) {
        // Drain what the client still sends so the connection can be reused.
        req.resume();
        return sendJson(res, err.status, { error: err.code, message: err.message, ...err.details });
      }
      services.logger.error({ err, path: url.pathname }, "ingestion request failed");
      sendJson(res, 500, { error: "internal_error", message: "Spur could not store this request; nothing was half-written. Retry later." });
    }
  };
}
