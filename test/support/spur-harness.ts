// Starts the real Spur (Bolt app, HTTP server, BullMQ workers) against a test database, a private Redis
// prefix and the fake Slack API, and sends it correctly signed Slack requests.
import { inject } from "vitest";
import { parseConfig, type Config } from "../../src/config.ts";
import type { Clock } from "../../src/core/ports.ts";
import { DEFAULT_RECOGNITION_SETTINGS, type RecognitionSettings } from "../../src/core/recognition-settings.ts";
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
  /** Sends a signed interactivity payload (block_actions, view_submission, message_action …). */
  interaction(payload: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** Sends a signed Events API callback wrapping `event`; pass the same eventId to simulate Slack's retry. */
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<{ status: number; body: string }>;
  /** Sends a signed interactive payload (block_actions, view_submission …) the way Slack does: form field `payload`. */
  interact(payload: Record<string, unknown>, options?: { secret?: string }): Promise<{ status: number; body: string }>;
  /** Posts a raw body with the given headers to /slack/events. */
  post(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Sets the test workspace's recognition settings (creating the workspace if needed); returns its id. */
  setRecognitionSettings(patch: Partial<RecognitionSettings>): Promise<string>;
  stop(): Promise<void>;
}

export interface HarnessOptions extends Omit<SpurOptions, "logger"> {
  users?: FakeUser[];
  /** A fake Slack API prepared by the test (not yet started); default: one with `users`. */
  slack?: FakeSlackApi;
  clock?: Clock;
  env?: Record<string, string>;
  /** Receives every log line (JSON) instead of stdout, e.g. to check what is never logged. */
  logSink?: (line: string) => void;
}

let triggerCounter = 0;
let eventCounter = 0;

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
    ...options.env,
  });
  const sink = options.logSink;
  const logger = sink ? createLogger(config.LOG_LEVEL, { write: (line: string) => sink(line) }) : createLogger(config.LOG_LEVEL);
  const spur = createSpur(config, { ...options, logger });
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
    interaction: (payload) => {
      const form = new URLSearchParams({ payload: JSON.stringify({ team: { id: TEAM_ID, domain: "spur-test" }, api_app_id: "ASPUR", token: "legacy-verification-token", ...payload }) }).toString();
      return post(form, { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SIGNING_SECRET, form) });
    },
    event: (event, opts = {}) => {
      eventCounter += 1;
      const body = JSON.stringify({
        token: "legacy-verification-token",
        team_id: TEAM_ID,
        api_app_id: "ASPUR",
        type: "event_callback",
        event_id: opts.eventId ?? `Ev${Date.now()}${eventCounter}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: TEAM_ID, user_id: "USPURBOT", is_bot: true }],
        event,
      });
      const retry: Record<string, string> = opts.retryNum ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" } : {};
      return post(body, { "content-type": "application/json", ...retry, ...slackSignatureHeaders(SIGNING_SECRET, body) });
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
    setRecognitionSettings: async (patch) => {
      const { workspace } = await spur.services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: config.DEFAULT_TIME_ZONE });
      const current = await spur.services.recognitionSettings.get(workspace.id);
      await spur.services.recognitionSettings.save(
        workspace.id,
        { ...DEFAULT_RECOGNITION_SETTINGS, ...current, ...patch },
        { workspaceId: workspace.id, actorUserId: "test-setup", action: "settings.update", target: null, details: { patch }, reason: "test setup" },
      );
      return workspace.id;
    },
    interact: (payload, opts) => {
      const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post(form, {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignatureHeaders(opts?.secret ?? SIGNING_SECRET, form),
      });
    },
    stop: async () => {
      await spur.stop();
      await slack.stop();
      await db.drop();
      await deleteKeysWithPrefix(prefix);
    },
  };
}
