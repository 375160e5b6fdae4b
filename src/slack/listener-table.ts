// Spur's Slack listeners, registered in a table and mounted on Bolt as one listener per kind of request
// (commands, actions, view submissions, shortcuts) that routes by command name, action id or callback id; events
// keep one Bolt listener per event name. Bolt runs the middleware chain of every listener it holds for every request (each one copying
// the request's arguments), so one listener per kind keeps that cost fixed however many handlers Spur has.
// A slash command's listener takes only what a command needs (its payload, ack, respond and a Web API client), so
// the slash-command path in front of Bolt (slash-command-path.ts) can run the same listener without Bolt.
import type {
  AllMiddlewareArgs,
  App,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";

type Key = string | RegExp;

/** What a slash command's listener is given, by Bolt or by the slash-command path. */
export type CommandArgs = Pick<SlackCommandMiddlewareArgs, "command" | "ack" | "respond"> & Pick<AllMiddlewareArgs, "client">;
export type CommandListener = (args: CommandArgs) => Promise<void>;

interface Route<Args> {
  key: Key;
  handler: Middleware<Args>;
}

const matches = (key: Key, value: string | undefined): boolean =>
  value !== undefined && (typeof key === "string" ? key === value : key.test(value));

/** The first route whose key matches `value`; registration order decides between overlapping patterns. */
function routeFor<Args>(routes: Route<Args>[], value: string | undefined): Middleware<Args> | undefined {
  return routes.find((r) => matches(r.key, value))?.handler;
}

/** The id a block action (action_id) or a legacy attachment action (callback_id) is registered under. */
function actionIdOf(action: unknown): string | undefined {
  const a = action as { action_id?: unknown; callback_id?: unknown };
  const id = a.action_id ?? a.callback_id;
  return typeof id === "string" ? id : undefined;
}

export class ListenerTable {
  private readonly commands: { key: string; handler: CommandListener }[] = [];
  private readonly actions: Route<SlackActionMiddlewareArgs>[] = [];
  private readonly views: Route<SlackViewMiddlewareArgs>[] = [];
  private readonly events: Route<SlackEventMiddlewareArgs>[] = [];
  private readonly shortcuts: Route<SlackShortcutMiddlewareArgs>[] = [];

  command(name: string, handler: CommandListener): void {
    if (this.commands.some((r) => r.key === name)) throw new Error(`Slack listener for ${name} registered twice`);
    this.commands.push({ key: name, handler });
  }

  /** The listener registered for a slash command, by its name ("/kudos"). */
  commandListener(name: string): CommandListener | undefined {
    return this.commands.find((r) => r.key === name)?.handler;
  }

  /** A block action by its action_id (or a pattern of them). */
  action(actionId: Key, handler: Middleware<SlackActionMiddlewareArgs>): void {
    this.add(this.actions, actionId, handler);
  }

  /** A modal's submission (view_submission) by its callback_id. */
  view(callbackId: string, handler: Middleware<SlackViewMiddlewareArgs>): void {
    this.add(this.views, callbackId, handler);
  }

  event<EventType extends string>(type: EventType, handler: Middleware<SlackEventMiddlewareArgs<EventType>>): void {
    this.add(this.events, type, handler as unknown as Middleware<SlackEventMiddlewareArgs>);
  }

  /** A global or message shortcut by its callback_id. */
  shortcut(callbackId: string, handler: Middleware<SlackShortcutMiddlewareArgs>): void {
    this.add(this.shortcuts, callbackId, handler);
  }

  /**
   * One Bolt listener per kind that has handlers. A request no handler takes is left unacknowledged, as Bolt
   * leaves a request no listener matches (its receiver answers it as unhandled).
   */
  mountOn(app: App): void {
    const any = /^/;
    if (this.commands.length > 0) app.command(any, async (args) => this.commandListener(args.command.command)?.(args));
    if (this.actions.length > 0) app.action(any, async (args) => routeFor(this.actions, actionIdOf(args.action))?.(args));
    if (this.views.length > 0) app.view(any, async (args) => routeFor(this.views, args.view.callback_id)?.(args));
    // Events by their names, as Bolt matches them: a pattern would also take payloads whose event has no type.
    for (const { key, handler } of this.events) if (typeof key === "string") app.event(key, handler);
    if (this.shortcuts.length > 0) app.shortcut(any, async (args) => routeFor(this.shortcuts, args.shortcut.callback_id)?.(args));
  }

  private add<Args>(routes: Route<Args>[], key: Key, handler: Middleware<Args>): void {
    if (typeof key === "string" && routes.some((r) => r.key === key)) throw new Error(`Slack listener for ${key} registered twice`);
    routes.push({ key, handler });
  }
}
