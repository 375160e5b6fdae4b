// botbuilder's CloudAdapter behind Spur's own HTTP server: POST /api/messages, one onTurnError, and proactive
// sends. Only src/teams/ imports botbuilder (Microsoft is archiving it), so replacing it stays local.
import { localeFor } from "../i18n/locale.ts";
import { failureOf } from "../use-cases/failure.ts";
import { renderCard } from "./render/card.ts";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConversationParameters,
  type ConversationReference,
  type TurnContext,
} from "botbuilder";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { activityPolicyOf, refusalOf } from "./activity-gate.ts";

export type TurnLogic = (context: TurnContext) => Promise<void>;

export interface TeamsAdapter {
  /** The bot's app id ("" when running unauthenticated in development). */
  appId: string;
  /** Handles one HTTP request to /api/messages. */
  handle(req: IncomingMessage, res: ServerResponse, logic: TurnLogic): Promise<void>;
  /**
   * Runs `logic` in a conversation the bot was added to earlier (proactive messages, roster look-ups) and
   * rejects with its error. The Bot Connector client itself already retries 429 (honouring Retry-After)
   * and 5xx a few times before an error gets here.
   */
  continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void>;
  /** Posts a new message (not a reply) to a conversation the bot was added to; returns the activity id. */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string>;
  /** Replaces a message the bot posted earlier (its card, e.g. once a request was answered). */
  update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void>;
  /**
   * Opens (or finds: Teams returns the existing one) the personal chat between the bot and a user, through the
   * service of a conversation the bot already is in; returns the chat's conversation id.
   */
  createPersonalChat(via: Partial<ConversationReference>, userId: string, tenantId: string): Promise<string>;
}

const MAX_BODY_BYTES = 1_000_000;

/** The part of botframework-connector's ConnectorClient (kept in a turn's state) used to open chats. */
interface ConversationsClient {
  conversations: { createConversation(parameters: ConversationParameters): Promise<{ id: string }> };
}

export function createTeamsAdapter(config: Config, logger: Logger): TeamsAdapter {
  const appId = config.MICROSOFT_APP_ID ?? "";
  const credentials = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? "",
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? "",
  };
  const policy = activityPolicyOf(config);
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(credentials, new ConfigurationServiceClientCredentialFactory(credentials)),
  );
  adapter.onTurnError = async (context, error) => {
    // The one terminal handler for Teams turns: log the cause, tell the person something generic.
    logger.error({ err: error, activityType: context.activity.type, conversation: context.activity.conversation?.id }, "unhandled Teams turn error");
    if (context.activity.type === "message") {
      await context.sendActivity(renderCard(failureOf(error).body, localeFor(context.activity.locale, null)).text).catch(() => undefined);
    }
  };

  const continueConversation = async (reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> => {
    // botbuilder hands errors of a turn to onTurnError instead of rejecting: carry them out to the caller,
    // which decides between retry (429, 5xx) and giving up (403).
    const outcome: { failure?: unknown } = {};
    await adapter.continueConversationAsync(appId, reference, async (context) => {
      try {
        await logic(context);
      } catch (err) {
        outcome.failure = err;
      }
    });
    if ("failure" in outcome) throw outcome.failure;
  };

  return {
    appId,
    continueConversation,
    async send(reference, activity) {
      let activityId = "";
      await continueConversation(reference, async (context) => {
        // A new post, not a reply: botbuilder would otherwise answer the continuation activity's made-up id.
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) delete a.replyToId;
          return next();
        });
        activityId = (await context.sendActivity(activity))?.id ?? "";
      });
      return activityId;
    },
    async update(reference, activityId, activity) {
      await continueConversation(reference, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
      });
    },
    async createPersonalChat(via, userId, tenantId) {
      let conversationId = "";
      await continueConversation(via, async (context) => {
        const client = context.turnState.get<ConversationsClient>(adapter.ConnectorClientKey);
        const created = await client.conversations.createConversation({
          isGroup: false,
          bot: { id: context.activity.recipient?.id ?? appId, name: context.activity.recipient?.name ?? "" },
          members: [{ id: userId, name: "" }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        });
        conversationId = created.id;
      });
      return conversationId;
    },
    async handle(req, res, logic) {
      let body: Record<string, unknown>;
      try {
        body = await readJson(req);
      } catch {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_json" }));
        return;
      }
      const refusal = refusalOf(body, policy);
      if (refusal) {
        const status = refusal.code === "invalid_activity" ? 400 : 403;
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ error: refusal.code, message: refusal.message }));
        return;
      }
      await adapter.process({ body, headers: req.headers, method: req.method ?? "POST" }, responseFor(res, logger), logic);
    },
  };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
  return parsed as Record<string, unknown>;
}

/** What a refused or failed request is told; botbuilder would send its error's message (URLs, DNS errors …). */
const GENERIC_ERRORS: Record<number, { error: string }> = { 401: { error: "unauthorized" }, 500: { error: "internal_error" } };

/** The small express-like response botbuilder writes to, over Node's ServerResponse. */
/** botbuilder's 501 for an invoke no handler answered (e.g. a card action that is not Action.Execute). */
const UNSUPPORTED_INVOKE = { error: "unsupported_invoke", message: "Spur does not handle this invoke." };

function responseFor(res: ServerResponse, logger: Logger) {
  let unsupported = false;
  let written = false;
  return {
    socket: res.socket,
    status(code: number) {
      // The sender's request is what is wrong, not Spur: a 4xx, never a 5xx.
      unsupported = code === 501;
      res.statusCode = unsupported ? 400 : code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(body: unknown) {
      if (body === undefined || res.writableEnded) return;
      written = true;
      const generic = GENERIC_ERRORS[res.statusCode];
      if (generic && typeof body === "string") {
        // botbuilder's own answer to a request it could not authenticate or process: the cause is logged only.
        logger.warn({ status: res.statusCode, cause: body.slice(0, 500) }, "Teams request refused by botbuilder");
        body = generic;
      }
      if (typeof body === "string" || Buffer.isBuffer(body)) {
        res.write(body);
      } else {
        if (!res.headersSent) res.setHeader("content-type", "application/json");
        res.write(JSON.stringify(body));
      }
    },
    end() {
      if (res.writableEnded) return;
      if (unsupported && !written) {
        if (!res.headersSent) res.setHeader("content-type", "application/json");
        res.write(JSON.stringify(UNSUPPORTED_INVOKE));
      }
      res.end();
    },
  };
}
