// Where Slack bot tokens come from: the environment (single-workspace mode) or each workspace's OAuth install,
// stored encrypted in PostgreSQL (multi-workspace mode, when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set).
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import { redisKeyPrefix } from "../jobs/redis-keys.ts";
import { type ConsumeOnce, SingleUseStateStore } from "../slack/single-use-oauth-state.ts";
import type { Logger } from "../logger.ts";
import type { SlackOAuthOptions } from "../slack/app.ts";
import { fixedToken, type SlackTokenSource } from "../slack/slack-clients.ts";
import type { Db } from "../store/prisma.ts";
import { deactivateSlackWorkspace, PrismaSlackInstallationStore, type SlackInstallRegistry } from "../store/slack-installation-store.ts";
import { secretCipher } from "./secret-cipher.ts";

export interface SlackInstalls {
  tokens: SlackTokenSource;
  registry: SlackInstallRegistry;
  /** Set in multi-workspace mode: Bolt serves /slack/install and /slack/oauth_redirect. */
  oauth?: SlackOAuthOptions;
}

/** How long consuming an OAuth state may take before the install is refused (Redis unreachable). */
const CONSUME_TIMEOUT_MS = 2_000;

/** Each OAuth state's nonce is kept in Redis once used: SET NX is the atomic "first time?". */
function consumeOnceIn(redis: Redis, queuePrefix: string): ConsumeOnce {
  return async (nonce, ttlSeconds) => {
    const key = `${redisKeyPrefix(queuePrefix)}:oauth-state:${createHash("sha256").update(nonce).digest("hex")}`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("Redis did not answer")), CONSUME_TIMEOUT_MS)));
    try {
      return (await Promise.race([redis.set(key, "1", "EX", ttlSeconds, "NX"), timeout])) === "OK";
    } finally {
      clearTimeout(timer);
    }
  };
}

/** `onInstalled` hears of each workspace (Slack team id) that installed Spur through OAuth. */
export function slackInstalls(
  config: Config,
  db: Db,
  redis: Redis,
  logger: Logger,
  onInstalled: (teamId: string) => Promise<void> = async () => undefined,
): SlackInstalls {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = config;
  if (!clientId || !clientSecret || !stateSecret) {
    return { tokens: fixedToken(config.SLACK_BOT_TOKEN ?? ""), registry: { uninstall: (query) => deactivateSlackWorkspace(db, query) } };
  }
  // Production refuses to start without a key (src/config.ts); elsewhere a fixed development key will do.
  if (!config.SPUR_ENCRYPTION_KEY) logger.warn("SPUR_ENCRYPTION_KEY is not set: Slack tokens are encrypted with the development key");
  const cipher = secretCipher(config);
  const store = new PrismaSlackInstallationStore(
    db,
    cipher,
    (err) => logger.warn({ err }, "could not re-encrypt a Slack token with the current key"),
    (teamId) => onInstalled(teamId).catch((err: unknown) => logger.warn({ err, teamId }, "could not queue the roster sync of a new install")),
  );
  const stateStore = new SingleUseStateStore(stateSecret, consumeOnceIn(redis, config.QUEUE_PREFIX));
  return { tokens: store, registry: store, oauth: { clientId, clientSecret, stateStore, installationStore: store } };
}
