// What Slack asks of a bot token, from Slack's reference (docs.slack.dev/reference/methods/<method> and
// /reference/events/<event>), for the Web API methods and events Spur uses. Where Slack accepts one scope per
// kind of conversation (conversations.history: channels:history for public channels, groups:history for
// private ones, im:history for DMs, mpim:history for group DMs), the entry lists the scopes of the kinds Spur
// calls it on, and says which. test/unit/slack-manifest.test.ts derives the methods from src/ and holds the
// manifest and the OAuth scopes to this table: a call to a method missing here, or needing a scope Spur does
// not ask for, fails it.
import { webApi } from "@slack/bolt";

export interface MethodScopes {
  /** Bot-token scopes the method needs, as Spur calls it; empty when Slack lists none. */
  scopes: string[];
  /** Which conversations or fields the scopes are for, where that narrows Slack's list. */
  note?: string;
}

export const METHOD_SCOPES: Record<string, MethodScopes> = {
  "auth.test": { scopes: [] },
  "oauth.v2.access": { scopes: [] },
  "chat.postMessage": { scopes: ["chat:write", "chat:write.public"], note: "chat:write.public: public team channels Spur was not invited to" },
  "chat.postEphemeral": { scopes: ["chat:write"] },
  "chat.update": { scopes: ["chat:write"] },
  "chat.getPermalink": { scopes: [] },
  "conversations.open": { scopes: ["im:write"], note: "DMs with one person only" },
  "conversations.info": {
    scopes: ["channels:read"],
    note: "public channels; without groups:read, im:read and mpim:read any other conversation is refused, and Spur counts it as private",
  },
  "conversations.history": {
    scopes: ["channels:history", "groups:history"],
    note: "public channels (a reacted-to message) and private team channels (a scheduled post's recovery); never DMs (no im:history)",
  },
  "conversations.replies": { scopes: ["channels:history"], note: "a reacted-to reply, in public channels only" },
  "users.info": { scopes: ["users:read", "users:read.email"], note: "users:read.email: the profile's email field" },
  "users.list": { scopes: ["users:read", "users:read.email"], note: "users:read.email: the profile's email field" },
  "views.open": { scopes: [] },
  "usergroups.list": { scopes: ["usergroups:read"] },
  "usergroups.users.list": { scopes: ["usergroups:read"] },
  "files.getUploadURLExternal": { scopes: ["files:write"] },
  "files.completeUploadExternal": { scopes: ["files:write"] },
};

/** Scopes the events Spur subscribes to need (Slack delivers none without them). */
export const EVENT_SCOPES: Record<string, string[]> = {
  reaction_added: ["reactions:read"],
  reaction_removed: ["reactions:read"],
  team_join: ["users:read"],
  user_change: ["users:read"],
  subteam_members_changed: ["usergroups:read"],
  subteam_updated: ["usergroups:read"],
  app_uninstalled: [],
  tokens_revoked: [],
};

/** Slash commands and shortcuts need `commands`. */
export const COMMAND_SCOPES = ["commands"];

/**
 * Methods called for Spur rather than by its code: Bolt's auth.test (who the bot is, on the first request)
 * and the OAuth installer's oauth.v2.access (multi-workspace install).
 */
export const IMPLICIT_METHODS = ["auth.test", "oauth.v2.access"];

/** Helpers of @slack/web-api that call several Web API methods. */
export const WRAPPER_METHODS: Record<string, string[]> = {
  filesUploadV2: ["files.getUploadURLExternal", "files.completeUploadExternal"],
};

/** Every Web API method @slack/web-api's WebClient has, as Slack names them ("chat.postMessage"). */
export function webClientMethods(): Set<string> {
  const client = new webApi.WebClient();
  const methods = new Set<string>();
  const walk = (node: object, path: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "function") methods.add(`${path}${key}`);
      else if (value && typeof value === "object" && path.split(".").length < 4) walk(value as object, `${path}${key}.`);
    }
  };
  for (const [key, value] of Object.entries(client)) {
    if (!key.startsWith("_") && value && typeof value === "object" && Object.values(value).some((v) => typeof v === "function" || typeof v === "object")) {
      walk(value as object, `${key}.`);
    }
  }
  return methods;
}

/**
 * The Web API methods a source text calls: `<anything>.chat.postMessage(` (any receiver, spaces and line
 * breaks allowed) when WebClient has that method, `.apiCall("…")` and `.paginate("…")`, and the methods a
 * wrapper such as `filesUploadV2(` calls.
 */
export function methodsCalledIn(source: string, known: Set<string>): Set<string> {
  const found = new Set<string>();
  for (const m of source.matchAll(/\.\s*([a-z][a-zA-Z0-9]*(?:\s*\.\s*[a-zA-Z][a-zA-Z0-9]*)+)\s*\(/g)) {
    const path = (m[1] ?? "").replace(/\s+/g, "");
    // The longest tail WebClient knows ("this.client.chat.postMessage" → "chat.postMessage").
    const parts = path.split(".");
    for (let i = 0; i < parts.length - 1; i++) {
      const candidate = parts.slice(i).join(".");
      if (known.has(candidate)) {
        found.add(candidate);
        break;
      }
    }
  }
  for (const m of source.matchAll(/\.\s*(?:apiCall|paginate)\s*\(\s*["'`]([\w.]+)["'`]/g)) found.add(m[1] ?? "");
  for (const [wrapper, methods] of Object.entries(WRAPPER_METHODS)) {
    if (new RegExp(`\\.\\s*${wrapper}\\s*\\(`).test(source)) for (const method of methods) found.add(method);
  }
  return found;
}
