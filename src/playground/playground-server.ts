// The playground's web server (node:http): a static page, a JSON API the page calls to act as a member,
// and server-sent events carrying the feed whenever it changes. Binds to 127.0.0.1 only.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { type Locale, LOCALES } from "../i18n/locale.ts";
import type { FakeSlackApi } from "./fake-slack-api.ts";
import type { PlaygroundFeed } from "./feed.ts";
import type { SlackDriver } from "./slack-driver.ts";

export interface PlaygroundDirectory {
  members: { id: string; handle: string; name: string; title: string; team: string; role: string }[];
  channels: { id: string; name: string }[];
  /** The slash commands of Spur's app manifest; others are answered the way Slack would. */
  commands: { command: string; description: string; usage_hint?: string }[];
  /** The message shortcuts of the manifest, offered on messages people write. */
  shortcuts: { callback_id: string; name: string }[];
}

export interface PlaygroundServerOptions {
  feed: PlaygroundFeed;
  driver: SlackDriver;
  slack: FakeSlackApi;
  directory: PlaygroundDirectory;
  /** Queues each team's weekly digest now. */
  runDigest(): Promise<void>;
  /** The sample workspace's language when the playground starts. */
  locale: Locale;
  /** Sets the sample workspace's language (through Spur's WorkspaceRepository port). */
  setLocale(locale: Locale): Promise<void>;
}

/** A request that names something the playground does not have: answered 400 with the message. */
class BadRequest extends Error {}

const STATIC: Record<string, string> = {
  "/": "index.html",
  "/app.js": "app.js",
  "/blocks.js": "blocks.js",
  "/style.css": "style.css",
};
const TYPES: Record<string, string> = { html: "text/html", js: "text/javascript", css: "text/css" };

const ElementValue = z
  .object({
    type: z.string(),
    value: z.string().nullable().optional(),
    selected_option: z.object({ value: z.string() }).passthrough().nullable().optional(),
    selected_options: z.array(z.object({ value: z.string() }).passthrough()).optional(),
    selected_users: z.array(z.string()).optional(),
    selected_conversation: z.string().nullable().optional(),
  })
  .passthrough();
const Values = z.record(z.string(), z.record(z.string(), ElementValue));
const Action = ElementValue.extend({ action_id: z.string(), block_id: z.string() });

const Requests = {
  command: z.object({ user: z.string(), channel: z.string(), text: z.string().regex(/^\/[a-z]+/, "must start with a slash command") }),
  action: z.object({ user: z.string(), itemId: z.string().optional(), viewId: z.string().optional(), action: Action, values: Values.default({}) }),
  submit: z.object({ user: z.string(), viewId: z.string(), values: Values }),
  close: z.object({ user: z.string() }),
  say: z.object({ user: z.string(), channel: z.string(), text: z.string().trim().min(1, "is empty") }),
  shortcut: z.object({ user: z.string(), itemId: z.string(), callbackId: z.string() }),
  react: z.object({ user: z.string(), itemId: z.string(), reaction: z.string().regex(/^[a-z0-9_+-]+$/, "must be an emoji name") }),
  locale: z.object({ locale: z.enum(LOCALES) }),
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? JSON.parse(raw) : {};
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export function createPlaygroundServer(options: PlaygroundServerOptions): Server {
  const { feed, driver, directory } = options;
  const publicDir = new URL("./public/", import.meta.url);
  const writtenMessage = (itemId: string) => {
    const item = feed.item(itemId);
    if (!item?.author) throw new BadRequest("no such message written by a member");
    return item;
  };
  let locale = options.locale;
  const state = () => ({ ...directory, locale, items: feed.items, modals: Object.fromEntries(feed.modals) });

  const api: Record<string, (body: unknown) => Promise<unknown>> = {
    "/api/command": async (body) => {
      const { user, channel, text } = Requests.command.parse(body);
      const [command = "", ...rest] = text.trim().split(/\s+/);
      if (!directory.commands.some((c) => c.command === command)) {
        const known = directory.commands.map((c) => `\`${c.command}\``).join(", ");
        feed.addReply({ user, channel }, { text: `:warning: \`${command}\` is not a Spur command. Spur's commands: ${known}.` });
        return { status: 404 };
      }
      return { status: await driver.command(user, channel, command, rest.join(" ")) };
    },
    "/api/action": async (body) => {
      const input = Requests.action.parse(body);
      const view = input.viewId ? feed.modals.get(input.user)?.find((v) => v.id === input.viewId) : undefined;
      if (view) return { status: await driver.viewAction(input.user, view, input.action, input.values) };
      const item = input.itemId ? feed.item(input.itemId) : undefined;
      if (!item) throw new BadRequest("no such message or open view");
      return { status: await driver.messageAction(input.user, item, input.action) };
    },
    "/api/submit": async (body) => {
      const input = Requests.submit.parse(body);
      const view = feed.modals.get(input.user)?.find((v) => v.id === input.viewId);
      if (view) await driver.submitView(input.user, view, input.values);
      return { ok: Boolean(view) };
    },
    "/api/say": async (body) => {
      const { user, channel, text } = Requests.say.parse(body);
      return { itemId: feed.addUserMessage(channel, user, text).id };
    },
    "/api/shortcut": async (body) => {
      const input = Requests.shortcut.parse(body);
      return { status: await driver.messageShortcut(input.user, writtenMessage(input.itemId), input.callbackId) };
    },
    "/api/react": async (body) => {
      const input = Requests.react.parse(body);
      return { status: await driver.react(input.user, writtenMessage(input.itemId), input.reaction) };
    },
    "/api/close": async (body) => {
      feed.closeModal(Requests.close.parse(body).user);
      return { ok: true };
    },
    // The workspace's language, until Spur has its own command for it (then the page types that command).
    "/api/locale": async (body) => {
      const wanted = Requests.locale.parse(body).locale;
      await options.setLocale(wanted);
      locale = wanted;
      return { locale };
    },
    "/api/digest": async () => {
      await options.runDigest();
      return { ok: true };
    },
  };

  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const file = STATIC[path];
    if (req.method === "GET" && file) {
      res.writeHead(200, { "content-type": `${TYPES[file.split(".").pop() ?? ""]}; charset=utf-8`, "cache-control": "no-store" });
      res.end(readFileSync(new URL(file, publicDir)));
      return;
    }
    if (req.method === "GET" && path === "/favicon.ico") return void res.writeHead(204).end();
    if (req.method === "GET" && path === "/api/state") return send(res, 200, state());
    if (req.method === "GET" && path === "/api/events") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      let timer: NodeJS.Timeout | undefined;
      const push = () => res.write(`data: ${JSON.stringify(state())}\n\n`);
      const unsubscribe = feed.subscribe(() => (timer ??= setTimeout(() => ((timer = undefined), push()), 30)));
      push();
      req.on("close", () => (clearTimeout(timer), unsubscribe()));
      return;
    }
    const fileMatch = /^\/files\/(F\w+)$/.exec(path);
    if (req.method === "GET" && fileMatch) {
      const bytes = options.slack.files.get(fileMatch[1] ?? "")?.bytes;
      if (!bytes) return send(res, 404, { error: "no such file" });
      res.writeHead(200, { "content-type": "image/png" }).end(bytes);
      return;
    }
    const handler = req.method === "POST" ? api[path] : undefined;
    if (!handler) return send(res, 404, { error: "not found" });
    readJson(req)
      .then(handler)
      .then(
        (result) => send(res, 200, result),
        (err: unknown) =>
          err instanceof z.ZodError
            ? send(res, 400, { error: z.prettifyError(err) })
            : err instanceof BadRequest || err instanceof SyntaxError
              ? send(res, 400, { error: err.message })
              : send(res, 500, { error: err instanceof Error ? err.message : String(err) }),
      );
  });
}

export async function listenPlayground(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return (server.address() as AddressInfo).port;
}
