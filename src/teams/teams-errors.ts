// Classifies Bot Connector failures: retry later (429, 5xx, network) or give up (403: the bot was removed).
import { TransientError } from "../core/errors.ts";

interface ConnectorErrorShape {
  statusCode?: number;
  status?: number;
  code?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } | Record<string, string> };
}

export function connectorStatus(err: unknown): number | undefined {
  const e = err as ConnectorErrorShape | undefined;
  return e?.statusCode ?? e?.response?.status ?? e?.status;
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as ConnectorErrorShape | undefined)?.response?.headers;
  const raw = typeof headers?.get === "function" ? headers.get("retry-after") : (headers as Record<string, string> | undefined)?.["retry-after"];
  const seconds = Number(raw);
  return raw && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/** The bot can no longer post to the conversation (uninstalled, removed from the team, blocked by the user). */
export class ConversationGoneError extends Error {
  constructor(conversationId: string, options?: { cause?: unknown }) {
    super(`Teams refused: the bot is no longer in conversation ${conversationId}`, options);
    this.name = "ConversationGoneError";
  }
}

/** Rethrows 429, 5xx and network failures as TransientError; 403 as ConversationGoneError; others unchanged. */
export function classifyConnectorError(err: unknown, conversationId: string): Error {
  const status = connectorStatus(err);
  if (status === 429) {
    const wait = retryAfterMs(err);
    return new TransientError("Teams rate limit", { cause: err, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (status !== undefined && status >= 500) return new TransientError(`Teams HTTP ${status}`, { cause: err });
  if (status === 403) return new ConversationGoneError(conversationId, { cause: err });
  if (status === undefined && isNetworkError(err)) return new TransientError("Teams unreachable", { cause: err });
  return err instanceof Error ? err : new Error(String(err));
}

function isNetworkError(err: unknown): boolean {
  const code = (err as ConnectorErrorShape | undefined)?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  return ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "REQUEST_SEND_ERROR", "UND_ERR_SOCKET"].includes(code ?? "");
}
