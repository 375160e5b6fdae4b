// Structured logs (pino). Secrets, free-text feedback and query parameters never go into log fields: every
// error, under `err` or `error`, goes through one serializer (logged-error.ts).
import { type DestinationStream, pino, type Logger } from "pino";
import { loggedError } from "./logged-error.ts";

export type { Logger };

/** `destination` defaults to stdout; tests pass a stream to read what was logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "spur" },
    serializers: { err: loggedError, error: loggedError },
    redact: {
      paths: ["token", "*.token", "botToken", "*.botToken", "authorization", "*.authorization", "headers.authorization"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
