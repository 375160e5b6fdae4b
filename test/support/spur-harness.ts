// Starts the real Spur (Bolt app, HTTP server, BullMQ workers) against a test database, a private Redis
// prefix and the fake Slack API, and sends it correctly signed Slack requests (and, with Teams enabled,
// Bot Framework activities to /api/messages).
import { inject } from "vitest";
import { parseConfig, type Config } from "../../src/config.ts";
import type { Clock } from "../../src/core/ports.ts";
import { createLogger } from "../../src/logger.ts";
import { createSpur, type Spur, type SpurOptions } from "../../src/spur.ts";
import { FakeSlackApi, type FakeUser } from "./fake-slack-api.ts";
import { deleteKeysWithPrefix, TEST_REDIS_URL, uniquePrefix } from "./redis-prefix.ts";
import { slackSignatureHeaders } from "./slack-signing.ts";
import { createTestDatabase, type TestDatabase } from "./test-db.ts";

export const SIGNING_SECRET = "test-signing-secret";
export const TEAM_ID = "T0001";

export interface Harness {
  spur: Spur;
  slack: FakeSlackApi;
  config: Config;
  baseUrl: string;
  db: TestDatabase;
  /** Sends a signed slash command; resolves with the HTTP status and body of Spur's response. */
  command(command: string, text: string, as: { user: string; channel?: string; triggerId?: string }): Promise<{ status: number; body: string }>;
  /** Posts a raw body with the given headers to /slack/events. */
  post(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Posts a Bot Framework activity (JSON) to /api/messages, as Teams does. */
  teams(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

export interface HarnessOptions extends Omit<SpurOptions, "logger"> {
  users?: FakeUser[];
  /** A fake Slack API prepared by the test (not yet started); default: one with `users`. */
  slack?: FakeSlackApi;
  clock?: Clock;
  env?: Record<string, string>;
  /** Serve Teams at /api/messages without Bot Framework authentication (TEAMS_ALLOW_UNAUTHENTICATED). */
  teams?: boolean;
}

let triggerCounter = 0;

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const slack = await (options.slack ?? new FakeSlackApi(options.users ?? [])).start();
  const db = await createTestDatabase(inject("templateDatabase"));
  const prefix = uniquePrefix();
  const config = parseConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: slack.url,
    QUEUE_PREFIX: prefix,
    ...(options.teams ? { TEAMS_ALLOW_UNAUTHENTICATED: "true" } : {}),
    ...options.env,
  });
  const spur = createSpur(config, { ...options, logger: createLogger(config.LOG_LEVEL) });
  const port = await spur.start();
  const baseUrl = `http://127.0.0.1:${port}`;

  const post = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(`${baseUrl}/slack/events`, { method: "POST", body, headers });
    return { status: res.status, body: await res.text() };
  };

  return {
    spur,
    slack,
    config,
    baseUrl,
    db,
    post,
    teams: async (activity, headers = {}) => {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: "POST",
        body: JSON.stringify(activity),
        headers: { "content-type": "application/json", ...headers },
      });
      return { status: res.status, body: await res.text() };
    },
    command: (command, text, as) => {
      triggerCounter += 1;
      const form = new URLSearchParams({
        token: "legacy-verification-token",
        team_id: TEAM_ID,
        team_domain: "spur-test",
        channel_id: as.channel ?? "CGENERAL",
        channel_name: "general",
        user_id: as.user,
        user_name: as.user.toLowerCase(),
        command,
        text,
        api_app_id: "ASPUR",
        is_enterprise_install: "false",
        response_url: slack.responseUrl(`cmd-${triggerCounter}`),
        trigger_id: as.triggerId ?? `${Date.now()}.${triggerCounter}.abcdef`,
      }).toString();
      return post(form, { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SIGNING_SECRET, form) });
    },
    stop: async () => {
      await spur.stop();
      await slack.stop();
      await db.drop();
      await deleteKeysWithPrefix(prefix);
    },
  };
}
