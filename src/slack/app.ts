// The Bolt app over an HTTP receiver whose request listener is mounted on Spur's own HTTP server.
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, type CodedError, ErrorCode, HTTPReceiver, type InstallationStore, SocketModeReceiver, type StateStore } from "@slack/bolt";
import { SlackEventRetry, slackProcessingErrorHandler, withResponseDeadline } from "./event-errors.ts";
import { refusingUnreadableBodies } from "./readable-body.ts";
import { refuseUnreadableIds, UnreadableSlackIds } from "./unreadable-ids.ts";
import type { Services } from "../app/services.ts";
import { boltLogger } from "./bolt-logger.ts";
import { ListenerTable } from "./listener-table.ts";
import { register as registerActions } from "./listeners/actions/index.ts";
import { register as registerCommands } from "./listeners/commands/index.ts";
import { register as registerEvents } from "./listeners/events/index.ts";
import { register as registerShortcuts } from "./listeners/shortcuts/index.ts";
import { register as registerViews } from "./listeners/views/index.ts";
import { BOT_SCOPES } from "./oauth-scopes.ts";
import { isOutageAuthorizationError, outageAwareErrorHandler } from "./outage-answer.ts";
import { refusingSkewedTimestamps } from "./request-freshness.ts";
import { answeringSlashCommands } from "./slash-command-path.ts";

/** Multi-workspace mode: workspaces install Spur at /slack/install; each request uses its workspace's token. */
export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the install flow's state, which `stateStore` lets be used once. */
  stateStore: StateStore;
  installationStore: InstallationStore;
}

export interface SlackAppOptions {
  signingSecret: string;
  /** Single-workspace mode: the workspace's bot token. Exactly one of botToken and oauth is set. */
  botToken?: string | undefined;
  oauth?: SlackOAuthOptions | undefined;
  apiUrl: string;
  /** Set: Socket Mode (Spur dials out to Slack). Unset: Slack posts to /slack/events. */
  appToken?: string | undefined;
  /** Slash commands go through Bolt's middleware too, instead of the slash-command path in front of it. */
  commandsViaBolt?: boolean | undefined;
}

export interface SlackApp {
  app: App;
  /** The request listener for /slack/… in HTTP mode; undefined in Socket Mode. */
  requestListener: HTTPReceiver["requestListener"] | undefined;
  /** Connects (Socket Mode); a no-op in HTTP mode, where Spur's own server does the listening. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Every listener group Spur registers; the manifest test enumerates the app's surface through this. */
export function registerListeners(app: ListenerTable, services: Services): void {
  registerCommands(app, services);
  registerActions(app, services);
  registerViews(app, services);
  registerEvents(app, services);
  registerShortcuts(app, services);
}

export function createSlackApp(options: SlackAppOptions, services: Services): SlackApp {
  const logger = boltLogger(services.logger);
  const clientOptions = { slackApiUrl: options.apiUrl };
  const receiver = options.appToken
    ? new SocketModeReceiver({ appToken: options.appToken, logger, installerOptions: { clientOptions } })
    : new HTTPReceiver({
        signingSecret: options.signingSecret,
        endpoints: "/slack/events",
        // Answer Slack only when the listener is done (or its ack deadline passed: see command-ack.ts), so what
        // the user is told is saved is stored first, and an event whose listener failed is retried by Slack.
        processBeforeResponse: true,
        processEventErrorHandler: outageAwareErrorHandler(slackProcessingErrorHandler(services.logger)),
        logger,
        ...(options.oauth ? oauthReceiverOptions(options.oauth, clientOptions) : {}),
      });
  const app = new App({
    // Without a token, Bolt authorizes each request through the receiver's installer (the installation store).
    ...(options.botToken ? { token: options.botToken } : {}),
    receiver,
    logger,
    clientOptions,
    // Spur keeps no per-conversation state in Bolt: skip its conversation-store middleware on every request.
    convoStore: false,
    extendedErrorHandler: true,
  });
  app.use(refuseUnreadableIds);
  const listeners = new ListenerTable();
  registerListeners(listeners, services);
  listeners.mountOn(app);
  app.error(async ({ error, body }: { error: CodedError; body: unknown }) => {
    if (isOutageAuthorizationError(error)) {
      // The install could not be looked up: the receiver tells the sender (see outage-answer.ts).
      services.logger.error({ err: error, code: error.code }, "Slack request while the database is unreachable");
      throw error;
    }
    if (error.code === ErrorCode.AuthorizationError) {
      // Multi-workspace mode: a request from a workspace with no (or no longer an) install; no listener runs.
      services.logger.warn({ code: error.code }, "Slack request from a workspace Spur is not installed in");
      return;
    }
    // Answered 400 by the receiver (event-errors.ts): delivering it again cannot help.
    if (error instanceof UnreadableSlackIds) throw error;
    services.logger.error({ err: error, code: error.code }, "unhandled Slack listener error");
    // An event whose listener failed is answered with a 500, so Slack delivers it again (X-Slack-Retry-Num);
    // its listener is idempotent (the event id, and the gift's key).
    if (isEventCallback(body)) throw new SlackEventRetry(error);
  });
  const socketMode = receiver instanceof SocketModeReceiver;
  let requestListener: SlackApp["requestListener"];
  if (receiver instanceof HTTPReceiver) {
    const bolt = withResponseDeadline(receiver.requestListener, services.logger);
    const counted = (path: "slash_command" | "bolt") => services.metrics.slackRequests.inc({ path });
    // With OAuth, each request's workspace is authorized through its install: slash commands stay with Bolt.
    const front =
      options.botToken && !options.commandsViaBolt
        ? answeringSlashCommands(bolt, { signingSecret: options.signingSecret, botToken: options.botToken, clientOptions: { ...clientOptions, logger }, listeners, logger: services.logger, counted })
        : (req: IncomingMessage, res: ServerResponse) => (counted("bolt"), bolt(req, res));
    requestListener = refusingSkewedTimestamps(refusingUnreadableBodies(front));
  }
  return {
    app,
    requestListener,
    start: async () => {
      if (socketMode) await receiver.start();
    },
    stop: async () => {
      if (socketMode) await receiver.stop();
    },
  };
}

function isEventCallback(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { type?: unknown }).type === "event_callback";
}

/** Bolt's built-in OAuth: GET /slack/install redirects to Slack with a signed state (also set as a cookie), and
 * GET /slack/oauth_redirect checks that state, exchanges the code (oauth.v2.access) and stores the install. */
function oauthReceiverOptions(oauth: SlackOAuthOptions, clientOptions: { slackApiUrl: string }) {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    installationStore: oauth.installationStore,
    scopes: [...BOT_SCOPES],
    installerOptions: {
      installPath: "/slack/install",
      redirectUriPath: "/slack/oauth_redirect",
      directInstall: true,
      stateVerification: true,
      stateStore: oauth.stateStore,
      clientOptions,
    },
  };
}
