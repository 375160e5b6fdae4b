// How an error is written to the log: its type, codes and a message with no query parameters or values.
// Prisma's errors print the failed call — raw query parameters, a model call's data — and PostgreSQL's quote
// the offending value, so a failed write of a feedback comment would log the comment and its giver key.
// Only names, codes and why it failed are kept; stack frames stay (they hold code locations, not data).

export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  cause?: unknown;
  [key: string]: unknown;
}

/** Scalar properties worth keeping: codes and statuses, never payloads (`meta`, `data`, `args`, …). */
const KEPT = ["code", "status", "statusCode", "errorCode", "clientVersion", "rateLimited", "retryAfterMs", "attemptsMade"];
const MAX_DEPTH = 4;

/** The log form of anything thrown: pino's serializer for `err` and `error`, used by every Spur logger. */
export function loggedError(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return errorShape(value, depth);
  if (value && typeof value === "object") return codesOf(value as Record<string, unknown>);
  return value;
}

/** An error's message as it may be logged or stored as a reason. */
export function loggedMessage(err: unknown): string {
  if (!(err instanceof Error)) return typeof err === "string" ? err : "non-error thrown";
  return fromDatabase(err) ? scrubDatabaseMessage(err.message) : err.message;
}

function errorShape(err: Error, depth: number): LoggedError {
  const message = loggedMessage(err);
  const out: LoggedError = { type: err.constructor?.name || err.name || "Error", message };
  if (err.stack) out.stack = `${err.name}: ${message}${framesOf(err.stack)}`;
  const own = err as unknown as Record<string, unknown>;
  for (const key of KEPT) {
    const v = own[key];
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[key] = v;
  }
  const meta = own.meta as Record<string, unknown> | undefined;
  if (typeof meta?.modelName === "string") out.model = meta.modelName;
  const driver = (meta?.driverAdapterError as { cause?: unknown } | undefined)?.cause;
  if (driver && typeof driver === "object") out.driver = codesOf(driver as Record<string, unknown>);
  // Slack's Web API errors name the platform's error in data.error: a code, worth keeping.
  const platformError = (own.data as { error?: unknown } | undefined)?.error;
  if (typeof platformError === "string") out.platformError = platformError;
  if (depth < MAX_DEPTH) {
    if (err.cause !== undefined) out.cause = loggedError(err.cause, depth + 1);
    if (err instanceof AggregateError) out.errors = err.errors.slice(0, 10).map((e) => loggedError(e, depth + 1));
  }
  return out;
}

/** Of a plain object (a driver's error cause): only its codes, never its message or values. */
function codesOf(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["code", "originalCode", "kind", "severity", "name"]) {
    const v = value[key];
    if (typeof v === "string") out[key] = v.slice(0, 100);
  }
  return out;
}

/** Errors from the database layer, whose messages print the values they failed on. */
function fromDatabase(err: Error): boolean {
  return [err.constructor?.name, err.name].some((name) => /^(Prisma|DriverAdapterError$|DatabaseError$)/.test(name ?? ""));
}

function framesOf(stack: string): string {
  const at = stack.indexOf("\n    at ");
  return at >= 0 ? stack.slice(at) : "";
}

/**
 * Prisma prints a failed call in sections split by blank lines: "Invalid `x()` invocation", the code frame with
 * the call's arguments (raw parameters, a model call's data), and why it failed. Only the first and the last
 * section are kept, without code-frame lines, and every quoted literal is blanked (PostgreSQL quotes the
 * offending value; a unique violation's detail shows the key).
 */
export function scrubDatabaseMessage(message: string): string {
  const sections = message.trim().split(/\n\s*\n/);
  const kept = sections.length > 1 ? [sections[0] ?? "", sections.at(-1) ?? ""] : sections;
  return kept
    .flatMap((section) => section.split("\n"))
    .filter((line) => !/^\s*(→\s*)?\d+\s/.test(line) && !/^\s*[{}~]/.test(line))
    .join("\n")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\)=\([^)]*\)/g, ")=(…)")
    .trim();
}
