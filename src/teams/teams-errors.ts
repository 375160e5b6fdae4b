// Classifies Bot Connector failures: retry later (429, 5xx, network) or give up (403: the bot was removed or
// blocked; 404: the conversation is gone).
import { DeliveryRefusedError, TransientError } from "../core/shared/errors.ts";

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

/**
 * The bot can no longer post to the conversation (uninstalled, removed from the team, blocked by the user, or
 * the conversation was deleted). The message is the reason admins read in `status`.
 */
export class ConversationGoneError extends DeliveryRefusedError {
  constructor(conversationId: string, status: 403 | 404, options?: { cause?: unknown }) {
    super(
      status === 403
        ? `Teams refused (403): the bot is no longer in conversation ${conversationId} (removed or blocked); add Spur again to resume`
        : `Teams refused (404): conversation ${conversationId} no longer exists; pick another channel with \`admin channel\``,
      options,
    );
    this.name = "ConversationGoneError";
  }
}

/** Rethrows 429, 5xx and network failures as TransientError; 403/404 as ConversationGoneError; others unchanged. */
export function classifyConnectorError(err: unknown, conversationId: string): Error {
  const status = connectorStatus(err);
  if (status === 429) {
    const wait = retryAfterMs(err);
    return new TransientError("Teams rate limit", { cause: err, rateLimited: true, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (status !== undefined && status >= 500) return new TransientError(`Teams HTTP ${status}`, { cause: err });
  if (status === 403 || status === 404) return new ConversationGoneError(conversationId, status, { cause: err });
  if (status === undefined && isNetworkError(err)) return new TransientError("Teams unreachable", { cause: err });
  return err instanceof Error ? err : new Error(String(err));
}

function isNetworkError(err: unknown): boolean {
  const code = (err as ConnectorErrorShape | undefined)?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  return ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "REQUEST_SEND_ERROR", "UND_ERR_SOCKET"].includes(code ?? "");
}
