// The Bolt app over an HTTP receiver whose request listener is mounted on Spur's own HTTP server.
import { App, HTTPReceiver } from "@slack/bolt";
import type { Services } from "../app/services.ts";
import { boltLogger } from "./bolt-logger.ts";
import { register as registerActions } from "./listeners/actions/index.ts";
import { register as registerCommands } from "./listeners/commands/index.ts";
import { register as registerViews } from "./listeners/views/index.ts";

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string;
  apiUrl: string;
}

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver;
}

export function createSlackApp(options: SlackAppOptions, services: Services): SlackApp {
  const logger = boltLogger(services.logger);
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: "/slack/events",
    // Respond to Slack as soon as a listener acks; the rest of the listener runs after the response.
    processBeforeResponse: false,
    logger,
  });
  const app = new App({
    token: options.botToken,
    receiver,
    logger,
    clientOptions: { slackApiUrl: options.apiUrl },
  });
  registerCommands(app, services);
  registerActions(app, services);
  registerViews(app, services);
  app.error(async (error) => {
    services.logger.error({ err: error, code: error.code }, "unhandled Slack listener error");
  });
  return { app, receiver };
}
