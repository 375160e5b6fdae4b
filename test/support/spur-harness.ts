// Starts the real Spur (Bolt app, HTTP server, BullMQ workers) against a test database, a private Redis
// prefix and the fake Slack API, and sends it correctly signed Slack requests (and, with Teams enabled,
// Bot Framework activities to /api/messages).
import { inject } from "vitest";
import { parseConfig, type Config } from "../../src/config.ts";
import type { Clock } from "../../src/core/shared/ports.ts";
import { DEFAULT_RECOGNITION_SETTINGS, type RecognitionSettings } from "../../src/core/recognition/recognition-settings.ts";
import { createLogger } from "../../src/logger.ts";
import { createSpur, type Spur, type SpurOptions } from "../../src/spur.ts";
import { ackMessage, type SentCommand } from "./ack-replies.ts";
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
  /** Every slash command sent, with the message its ack carried (see ack-replies.ts). */
  commands: SentCommand[];
  /** Spur's structured log lines, when started with `captureLogs`. */
  logs: Record<string, unknown>[];
  /** Sends a signed slash command (from the test workspace unless `team` is given); resolves with Spur's response. */
  command(
    command: string,
    text: string,
    as: { user: string; channel?: string; triggerId?: string; team?: string },
  ): Promise<{ status: number; body: string }>;
  /** Sends a signed interactivity payload (block_actions, view_submission, message_action …). */
  interaction(payload: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** Sends a signed Events API callback wrapping `event`; pass the same eventId to simulate Slack's retry. */
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number; team?: string }): Promise<{ status: number; body: string }>;
  /** Sends a signed interactive payload (block_actions, view_submission …) the way Slack does: form field `payload`. */
  interact(payload: Record<string, unknown>, options?: { secret?: string }): Promise<{ status: number; body: string }>;
  /** Posts a raw body with the given headers to /slack/events. */
  post(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Sets the test workspace's recognition settings (creating the workspace if needed); returns its id. */
  /** Changes the recognition settings of the Slack test workspace, or of the workspace with this id. */
  setRecognitionSettings(patch: Partial<RecognitionSettings>, workspaceId?: string): Promise<string>;
  /**
   * Sends a signed block_actions payload for a button click; `responseId` names the response_url
   * whose posts land in `slack.responses` under `/response/<responseId>`.
   */
  clickButton(as: { user: string }, button: { actionId: string; value: string; blockId?: string }, responseId: string): Promise<{ status: number; body: string }>;
  /** Sends a signed view_submission for a modal; `values` is view.state.values. */
  submitView(
    as: { user: string },
    view: { callbackId: string; privateMetadata: string; values: Record<string, Record<string, Record<string, unknown>>> },
  ): Promise<{ status: number; body: string }>;
  /** Any request to Spur's own HTTP server (KPI API, webhooks). */
  request(path: string, init: RequestInit): Promise<{ status: number; body: string; json: () => unknown }>;
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
  /** Receives every log line (JSON) instead of stdout, e.g. to check what is never logged. */
  logSink?: (line: string) => void;
  /** Collect Spur's info-and-above log lines in `harness.logs` (instead of the usual test log level). */
  captureLogs?: boolean;
  /** Serve Teams at /api/messages without Bot Framework authentication (TEAMS_ALLOW_UNAUTHENTICATED). */
  teams?: boolean;
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
    ...(options.teams ? { TEAMS_ALLOW_UNAUTHENTICATED: "true" } : {}),
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const commands: SentCommand[] = [];
  const sink = options.logSink;
  const logger = sink
    ? createLogger(config.LOG_LEVEL, { write: (line: string) => sink(line) })
    : options.captureLogs
      ? createLogger("info", { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) })
      : createLogger(config.LOG_LEVEL);
  const spur = createSpur(config, { ...options, logger });
  const port = await spur.start();
  const baseUrl = `http://127.0.0.1:${port}`;

  const post = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(`${baseUrl}/slack/events`, { method: "POST", body, headers });
    return { status: res.status, body: await res.text() };
  };

  // The envelope Slack puts around every interactivity payload (button clicks, modal submissions).
  const interaction = (type: string, user: string) => ({
    type,
    team: { id: TEAM_ID, domain: "spur-test" },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: "ASPUR",
    token: "legacy-verification-token",
    trigger_id: `${Date.now()}.${++triggerCounter}.${type}`,
  });
  // Slack sends interactivity as a signed form with one field, `payload`.
  const postInteraction = (payload: object, secret = SIGNING_SECRET) => {
    const form = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return post(form, { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(secret, form) });
  };

  return {
    spur,
    slack,
    config,
    baseUrl,
    db,
    commands,
    logs,
    post,
    interaction: (payload) =>
      postInteraction({ team: { id: TEAM_ID, domain: "spur-test" }, api_app_id: "ASPUR", token: "legacy-verification-token", ...payload }),
    event: (event, opts = {}) => {
      eventCounter += 1;
      const team = opts.team ?? TEAM_ID;
      const body = JSON.stringify({
        token: "legacy-verification-token",
        team_id: team,
        api_app_id: "ASPUR",
        type: "event_callback",
        event_id: opts.eventId ?? `Ev${Date.now()}${eventCounter}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: team, user_id: "USPURBOT", is_bot: true }],
        event,
      });
      const retry: Record<string, string> = opts.retryNum ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" } : {};
      return post(body, { "content-type": "application/json", ...retry, ...slackSignatureHeaders(SIGNING_SECRET, body) });
    },
    teams: async (activity, headers = {}) => {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: "POST",
        body: JSON.stringify(activity),
        headers: { "content-type": "application/json", ...headers },
      });
      return { status: res.status, body: await res.text() };
    },
    command: async (command, text, as) => {
      triggerCounter += 1;
      const responseId = `cmd-${triggerCounter}`;
      const channel = as.channel ?? "CGENERAL";
      const form = new URLSearchParams({
        token: "legacy-verification-token",
        team_id: as.team ?? TEAM_ID,
        team_domain: "spur-test",
        channel_id: channel,
        channel_name: "general",
        user_id: as.user,
        user_name: as.user.toLowerCase(),
        command,
        text,
        api_app_id: "ASPUR",
        is_enterprise_install: "false",
        response_url: slack.responseUrl(responseId),
        trigger_id: as.triggerId ?? `${Date.now()}.${triggerCounter}.abcdef`,
      }).toString();
      const sent: SentCommand = { command, user: as.user, channel, responsePath: `/response/${responseId}`, ackBody: null, at: Date.now() };
      commands.push(sent);
      const res = await post(form, { "content-type": "application/x-www-form-urlencoded", ...slackSignatureHeaders(SIGNING_SECRET, form) });
      if (res.status === 200) sent.ackBody = ackMessage(res.body);
      return res;
    },
    setRecognitionSettings: async (patch, workspaceId) => {
      const workspace = workspaceId
        ? { id: workspaceId }
        : (await spur.services.workspaces.ensure("slack", TEAM_ID, { teamTimeZone: config.DEFAULT_TIME_ZONE })).workspace;
      const current = await spur.services.recognitionSettings.get(workspace.id);
      await spur.services.recognitionSettings.save(
        workspace.id,
        { ...DEFAULT_RECOGNITION_SETTINGS, ...current, ...patch },
        { workspaceId: workspace.id, actorUserId: "test-setup", action: "settings.update", target: null, details: { patch }, reason: "test setup" },
      );
      return workspace.id;
    },
    interact: (payload, opts) => postInteraction(payload, opts?.secret),
    clickButton: (as, button, responseId) => {
      const payload = {
        ...interaction("block_actions", as.user),
        container: { type: "message", message_ts: "1700000000.000100", channel_id: "CGENERAL", is_ephemeral: true },
        channel: { id: "CGENERAL", name: "general" },
        response_url: slack.responseUrl(responseId),
        actions: [
          {
            type: "button",
            action_id: button.actionId,
            block_id: button.blockId ?? "scorecard",
            value: button.value,
            text: { type: "plain_text", text: "button" },
            action_ts: `${Math.floor(Date.now() / 1000)}.000200`,
          },
        ],
      };
      return postInteraction(payload);
    },
    submitView: (as, view) => {
      const payload = {
        ...interaction("view_submission", as.user),
        view: {
          id: "VTEST",
          team_id: TEAM_ID,
          type: "modal",
          callback_id: view.callbackId,
          private_metadata: view.privateMetadata,
          blocks: [],
          state: { values: view.values },
          hash: "1700000000.abcdef",
          title: { type: "plain_text", text: "modal" },
          app_id: "ASPUR",
          bot_id: "BSPUR",
        },
        response_urls: [],
      };
      return postInteraction(payload);
    },
    request: async (path, init) => {
      const res = await fetch(`${baseUrl}${path}`, init);
      const body = await res.text();
      return { status: res.status, body, json: () => JSON.parse(body) };
    },
    stop: async () => {
      await spur.stop();
      await slack.stop();
      await db.drop();
      await deleteKeysWithPrefix(prefix);
    },
  };
}
