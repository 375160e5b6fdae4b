// Structured logs (pino). Secrets and free-text feedback never go into log fields.
import { type DestinationStream, pino, type Logger } from "pino";

export type { Logger };

/** `destination` defaults to stdout; tests pass a stream to read what was logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "spur" },
    redact: {
      paths: ["token", "*.token", "botToken", "*.botToken", "authorization", "*.authorization", "headers.authorization"],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
