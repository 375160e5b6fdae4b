// Teams in Spur: the adapter, the bot and POST /api/messages, or a 404 when Teams is not configured.
import type { Config } from "../config.ts";
import { teamsMode } from "../config.ts";
import type { Route } from "../http/server.ts";
import type { Logger } from "../logger.ts";
import { createTeamsAdapter, type TeamsAdapter } from "./adapter.ts";
import { createTeamsBot } from "./bot.ts";
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
  return createTeamsAdapter(config, logger);
}

export function teamsRoute(adapter: TeamsAdapter, deps: Omit<TeamsDeps, "adapter">): Route {
  const bot = createTeamsBot({ ...deps, adapter });
  return (req, res) => adapter.handle(req, res, (context) => bot.run(context));
}
