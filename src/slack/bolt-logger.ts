// Bolt's Logger interface over pino, so Bolt's own messages land in the same structured log. Bolt passes the
// errors it caught as arguments: they are written as the logger writes every error (no query parameters).
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import { loggedMessage } from "../logged-error.ts";
import type { Logger } from "../logger.ts";

const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? `${m.name}: ${loggedMessage(m)}` : String(m))).join(" ");

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
