// Structured logs (pino). Secrets and free-text feedback never go into log fields.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "spur" },
    redact: {
      paths: ["token", "*.token", "botToken", "*.botToken", "authorization", "*.authorization", "headers.authorization"],
      censor: "[redacted]",
    },
  });
}
