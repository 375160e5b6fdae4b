// Teams in Spur: the adapter, the bot and POST /api/messages, or a 404 when Teams is not configured. botbuilder
// and everything built on it (about 25 MB resident) are imported only where Teams is on, and then at start-up
// (the adapter below forwards to the real one once it is loaded): a Slack-only process never carries them.
import type { Config } from "../config.ts";
import { teamsMode } from "../config.ts";
import type { Route } from "../http/server.ts";
import type { Logger } from "../logger.ts";
import type { TeamsAdapter } from "./adapter.ts";
import type { TeamsDeps } from "./command-context.ts";

/** Creates the adapter when Teams is enabled; warns loudly when it runs without authentication. */
export function teamsAdapterFor(config: Config, logger: Logger): TeamsAdapter | undefined {
  const mode = teamsMode(config);
  if (mode === "disabled") return undefined;
  if (mode === "unauthenticated") {
    logger.warn(
      "TEAMS_ALLOW_UNAUTHENTICATED=true: /api/messages accepts requests WITHOUT Bot Framework authentication. " +
        "Anyone who can reach this server can act as any Teams user. Use this only for local development.",
    );
  }
  return forwardingAdapter(
    config.MICROSOFT_APP_ID ?? "",
    import("./adapter.ts").then((m) => m.createTeamsAdapter(config, logger)),
  );
}

export function teamsRoute(adapter: TeamsAdapter, deps: Omit<TeamsDeps, "adapter">): Route {
  const bot = loaded(import("./bot.ts").then((m) => m.createTeamsBot({ ...deps, adapter })));
  return async (req, res) => {
    const ready = await bot;
    await adapter.handle(req, res, (context) => ready.run(context));
  };
}

/** A load that fails fails each use of it (not the process, as an unhandled rejection would). */
function loaded<T>(load: Promise<T>): Promise<T> {
  load.catch(() => undefined);
  return load;
}

function forwardingAdapter(appId: string, adapter: Promise<TeamsAdapter>): TeamsAdapter {
  const real = loaded(adapter);
  return {
    appId,
    handle: async (req, res, logic) => (await real).handle(req, res, logic),
    continueConversation: async (reference, logic) => (await real).continueConversation(reference, logic),
    send: async (reference, activity) => (await real).send(reference, activity),
    update: async (reference, activityId, activity) => (await real).update(reference, activityId, activity),
    createPersonalChat: async (via, userId, tenantId) => (await real).createPersonalChat(via, userId, tenantId),
  };
}
