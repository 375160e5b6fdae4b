// Bolt's Logger interface over pino, so Bolt's own messages land in the same structured log.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../logger.ts";

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: "bolt" });
  let level = LogLevel.INFO;
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(" ")),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(" ")),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(" ")),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(" ")),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
