// Entry point: parse the configuration, start Spur, stop gracefully on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { createSpur, type SpurRole } from "./spur.ts";

const ROLES: SpurRole[] = ["all", "web", "worker"];

async function main(): Promise<void> {
  // `spur web` serves Slack; `spur worker` runs background jobs; no argument runs both in one process.
  const role = (process.argv[2] ?? "all") as SpurRole;
  if (!ROLES.includes(role)) {
    console.error(`Unknown role "${role}": use one of ${ROLES.join(", ")}.`);
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const spur = createSpur(config, { logger, role });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, 30_000);
    force.unref();
    spur.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "error during shutdown");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  await spur.start();
}

main().catch((err: unknown) => {
  console.error("Spur failed to start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
