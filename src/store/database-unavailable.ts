// Whether an error means PostgreSQL could not be reached (down, refusing connections, connection cut or
// timed out), as opposed to a query that failed. The Prisma client, its pg driver adapter and pg itself each
// say so in their own shape, so the error and its causes are read structurally.

/** Prisma's codes for "can't reach / lost the database server" and "timed out waiting for a connection". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The pg driver adapter's kinds for the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "EPIPE"]);
/** pg's and pg-pool's words when a connection ends or cannot be had in time. */
const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /not currently accepting connections/i, /Client has encountered a connection error/i];

/** SQLSTATE: 08… connection exception, 57P01–57P03 shut down / cannot connect now, 53300 too many connections. */
function unavailableSqlState(code: string): boolean {
  return code.startsWith("08") || /^57P0[1-3]$/.test(code) || code === "53300";
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  const e = record(err);
  if (!e || depth > 5) return false;
  const code = typeof e.code === "string" ? e.code : "";
  if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || unavailableSqlState(code)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.originalCode === "string" && unavailableSqlState(e.originalCode)) return true;
  if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  const adapterError = record(record(e.meta)?.driverAdapterError);
  // `original`: what Bolt wraps (e.g. an installation look-up that failed inside its authorize step).
  return isDatabaseUnavailable(adapterError?.cause, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(e.original, depth + 1);
}
