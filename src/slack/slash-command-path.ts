// Slash commands answered in front of Bolt. A slash command is the busiest request Spur gets (every /kudos), and
// most of what Bolt does per request is for other kinds: its global and per-listener middleware chains (each
// copying the listener's arguments), authorize, `say`, and a second HMAC inside its constant-time compare. Here a
// slash command whose signature and timestamp check out is parsed (zod) and given to the listener registered for
// it in the listener table — the listener Bolt would run — with an ack whose body becomes the HTTP answer once the
// listener is done, as Bolt answers with processBeforeResponse. Everything else goes to Bolt unchanged: events,
// interactivity, ssl_check, an unregistered command, a missing, wrong or stale signature (Bolt refuses it as it
// always has), a form Bolt would read differently (repeated fields, an unreadable id).
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse } from "node:querystring";
import { HTTPModuleFunctions, ReceiverMultipleAckError, type RespondFn, type SlashCommand, webApi } from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../logger.ts";
import type { ListenerTable } from "./listener-table.ts";
import { MAX_SKEW_SECONDS } from "./request-freshness.ts";
import { unreadableId } from "./unreadable-ids.ts";

type Listener = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
type Buffered = IncomingMessage & { rawBody?: Buffer };

/** A slash command's form: every field one string (a repeated field is left to Bolt, which reads it as a list). */
const SlashCommandForm = z
  .object({ command: z.string().startsWith("/"), team_id: z.string(), response_url: z.string() })
  .catchall(z.string());

/** Form fields that make Bolt read a body as something other than a slash command. */
const NOT_A_COMMAND = ["payload", "ssl_check", "event", "type"];

export interface SlashCommandPathOptions {
  signingSecret: string;
  /** Single-workspace mode's bot token (with OAuth, Bolt authorizes each request through the install store). */
  botToken: string;
  clientOptions: webApi.WebClientOptions;
  listeners: ListenerTable;
  logger: Logger;
  /** Told for each Slack request which path answered it. */
  counted: (path: "slash_command" | "bolt") => void;
  endpoint?: string;
}

/** True when `req` carries Slack's v0 signature of `raw` with a timestamp within five minutes of now. */
export function signedBySlack(req: IncomingMessage, raw: Buffer, secret: string, nowMs = Date.now()): boolean {
  const timestamp = req.headers["x-slack-request-timestamp"];
  const signature = req.headers["x-slack-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string" || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(`v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(raw).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The slash command in a signed form body, or null when the request is Bolt's to answer. */
function slashCommandIn(req: Buffered, options: SlashCommandPathOptions): SlashCommand | null {
  const raw = req.rawBody;
  if (!raw || req.headers["content-type"] !== "application/x-www-form-urlencoded") return null;
  if (!signedBySlack(req, raw, options.signingSecret)) return null;
  const form = parse(raw.toString("utf8"));
  if (NOT_A_COMMAND.some((field) => field in form)) return null;
  const parsed = SlashCommandForm.safeParse(form);
  if (!parsed.success || unreadableId(parsed.data) !== null) return null;
  // Bolt hands listeners the parsed form itself; the listener validates what it reads (SlashCommandPayload).
  return parsed.data as unknown as SlashCommand;
}

/** Bolt's respond(): a message posted to the command's response_url. */
function respondTo(responseUrl: string): RespondFn {
  return async (message) => {
    const body = typeof message === "string" ? { text: message } : message;
    const res = await fetch(responseUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`Failed to respond to the response_url: ${res.status} ${res.statusText}`);
    return res as never;
  };
}

/**
 * `bolt` wrapped so that slash commands are answered first (see above). Needs the body buffered as Bolt's
 * `rawBody` (readable-body.ts does that for the endpoint).
 */
export function answeringSlashCommands(bolt: Listener, options: SlashCommandPathOptions): Listener {
  const endpoint = options.endpoint ?? "/slack/events";
  const clients = new Map<string, webApi.WebClient>();
  // As Bolt's client pool: one client per workspace, which adds the workspace to its calls.
  const clientFor = (teamId: string) => {
    let client = clients.get(teamId);
    if (!client) clients.set(teamId, (client = new webApi.WebClient(options.botToken, { ...options.clientOptions, teamId })));
    return client;
  };
  return (req, res) => {
    const command = req.method === "POST" && (req.url ?? "/").split("?")[0] === endpoint ? slashCommandIn(req, options) : null;
    const listener = command ? options.listeners.commandListener(command.command) : undefined;
    if (!command || !listener) {
      options.counted("bolt");
      return bolt(req, res);
    }
    options.counted("slash_command");
    let answer: Parameters<typeof HTTPModuleFunctions.buildContentResponse>[1] | undefined;
    const ack = async (body?: unknown) => {
      if (answer !== undefined) throw new ReceiverMultipleAckError();
      answer = body || "";
    };
    return listener({ command, ack, respond: respondTo(command.response_url), client: clientFor(command.team_id) })
      .catch((err: unknown) => options.logger.error({ err }, "unhandled Slack listener error"))
      .finally(() => {
        if (res.headersSent) return;
        if (answer !== undefined) return HTTPModuleFunctions.buildContentResponse(res, answer);
        // Bolt's answer to a request no listener acknowledged.
        options.logger.error("a slash command was not acknowledged");
        res.writeHead(404).end();
      });
  };
}
