// Builders for the Bot Framework activities Teams posts to /api/messages.
import type { RosterMember } from "./fake-bot-connector.ts";

export const TENANT_ID = "tenant-1";
export const BOT = { id: "28:spur-bot-id", name: "Spur" };
export const GENERAL = "19:general-support@thread.tacv2";
export const TEAM = { id: GENERAL, name: "Support" };

/** The people of the test tenant (Bot Framework ids, as Teams sends them); Carl owns the team. */
export const TEAMS_USERS = {
  ana: { id: "29:ana", name: "Ana Alves", aadObjectId: "aad-ana", email: "ana@contoso.com", userPrincipalName: "ana@contoso.com", userRole: "user" },
  bo: { id: "29:bo", name: "Bo Berg", aadObjectId: "aad-bo", email: "bo@contoso.com", userPrincipalName: "bo@contoso.com", userRole: "user" },
  carl: { id: "29:carl", name: "Carl Cruz", aadObjectId: "aad-carl", email: "carl@contoso.com", userPrincipalName: "carl@contoso.com", userRole: "owner" },
  dee: { id: "29:dee", name: "Dee Diaz", aadObjectId: "aad-dee", email: "dee@contoso.com", userPrincipalName: "dee@contoso.com", userRole: "user" },
} satisfies Record<string, RosterMember>;

export const TEAMS_ROSTER: RosterMember[] = Object.values(TEAMS_USERS);

let counter = 0;

export interface Where {
  /** "channel" (in the team's General channel, default) or "personal". */
  scope?: "channel" | "personal";
  serviceUrl: string;
  /** The sender's Teams language, which Teams puts on every activity (e.g. "zh-CN"); none when absent. */
  locale?: string;
  /** Another channel of the team than General (its conversation id and name), for scope "channel". */
  channel?: { id: string; name: string };
}

function localeOf(where: Where): { locale?: string } {
  return where.locale ? { locale: where.locale } : {};
}

function conversationFor(where: Where, from: RosterMember, messageId?: string) {
  if (where.scope === "personal") {
    return { conversation: { id: `a:personal-${from.id}`, conversationType: "personal", tenantId: TENANT_ID }, channelData: { tenant: { id: TENANT_ID } } };
  }
  const channel = where.channel ?? { id: GENERAL, name: "General" };
  return {
    conversation: { id: messageId ? `${channel.id};messageid=${messageId}` : channel.id, conversationType: "channel", tenantId: TENANT_ID, isGroup: true },
    channelData: { tenant: { id: TENANT_ID }, team: TEAM, channel },
  };
}

/** `@mention` in the text parts: `mention(user)` renders `<at>Name</at>` and adds the entity. */
export function message(from: RosterMember, parts: (string | RosterMember)[], where: Where, id?: string) {
  counter += 1;
  const activityId = id ?? `msg-${Date.now()}-${counter}`;
  const mentioned = where.scope === "personal" ? parts : [BOT, " ", ...parts];
  const entities = mentioned
    .filter((p): p is RosterMember => typeof p !== "string")
    .map((m) => ({ type: "mention", text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }));
  const text = mentioned.map((p) => (typeof p === "string" ? p : `<at>${p.name}</at>`)).join("");
  return {
    type: "message",
    id: activityId,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: where.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    text,
    textFormat: "plain",
    entities,
    ...localeOf(where),
    ...conversationFor(where, from, where.scope === "personal" ? undefined : activityId),
  };
}

/** Spur was added to the team (conversationUpdate with the bot among membersAdded), by Carl unless `by` says who. */
export function botAddedToTeam(serviceUrl: string, by: RosterMember = TEAMS_USERS.carl) {
  counter += 1;
  return {
    type: "conversationUpdate",
    id: `cu-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: { id: by.id, name: by.name },
    recipient: BOT,
    membersAdded: [{ id: BOT.id }],
    conversation: { id: GENERAL, conversationType: "channel", tenantId: TENANT_ID, isGroup: true },
    channelData: { tenant: { id: TENANT_ID }, team: TEAM, eventType: "teamMemberAdded" },
  };
}

/** The app was installed (add) or removed (remove) in a scope. */
export function installationUpdate(action: "add" | "remove", serviceUrl: string, scope: "channel" | "personal" = "channel", from: RosterMember = TEAMS_USERS.carl) {
  counter += 1;
  return {
    type: "installationUpdate",
    action,
    id: `iu-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    ...conversationFor({ scope, serviceUrl }, from),
  };
}

/**
 * A click on an Adaptive Card Action.Execute button (or a card form's submission): Teams sends an
 * `adaptiveCard/action` invoke whose `data` is the action's data merged with the card's input values.
 */
export function cardAction(from: RosterMember, verb: string, data: Record<string, unknown>, where: Where, replyToId?: string) {
  return {
    ...invoke("adaptiveCard/action", from, where),
    ...(replyToId ? { replyToId } : {}),
    ...conversationFor(where, from),
    value: { action: { type: "Action.Execute", id: verb, verb, data }, trigger: "manual" },
  };
}

/** What every invoke activity from a person carries. */
function invoke(name: string, from: RosterMember, where: Where) {
  counter += 1;
  return {
    type: "invoke",
    name,
    id: `invoke-${Date.now()}-${counter}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: where.serviceUrl,
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: BOT,
    ...localeOf(where),
  };
}

/** A Teams message as a message action's `messagePayload` names it: its author is a person or an app (a bot). */
export interface ActedOnMessage {
  id: string;
  text: string;
  author: RosterMember | { app: { id: string; name: string } };
}

/** The message's link, as Teams builds it (the channel, the message id, the tenant). */
export function linkToMessage(messageId: string): string {
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(GENERAL)}/${messageId}?tenantId=${TENANT_ID}&parentMessageId=${messageId}&teamName=Support&channelName=General`;
}

function messagePayload(acted: ActedOnMessage) {
  const from =
    "app" in acted.author
      ? { user: null, application: { id: acted.author.app.id, displayName: acted.author.app.name, applicationIdentityType: "bot" } }
      : { user: { id: acted.author.aadObjectId, displayName: acted.author.name, userIdentityType: "aadUser" }, application: null };
  return {
    id: acted.id,
    replyToId: null,
    messageType: "message",
    createdDateTime: new Date().toISOString(),
    deleted: false,
    importance: "normal",
    locale: "en-us",
    linkToMessage: linkToMessage(acted.id),
    from,
    body: { contentType: "html", content: `<p>${acted.text}</p>` },
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

/**
 * A message extension action on a message (the "…" menu of a channel message): Teams asks for the dialog with
 * `composeExtension/fetchTask`, then sends the dialog's Action.Submit as `composeExtension/submitAction`, whose
 * `data` is the action's data merged with the card's input values.
 */
export function messageAction(
  from: RosterMember,
  step: { fetch: true } | { submit: Record<string, unknown> },
  acted: ActedOnMessage,
  where: Where,
  commandId = "giveKudosForMessage",
) {
  const submit = "submit" in step;
  return {
    ...invoke(submit ? "composeExtension/submitAction" : "composeExtension/fetchTask", from, where),
    ...conversationFor(where, from, acted.id),
    value: {
      commandId,
      commandContext: "message",
      messagePayload: messagePayload(acted),
      context: { theme: "default" },
      ...(submit ? { data: step.submit } : {}),
    },
  };
}

/** The invoke response Spur answered a card action with: a replacement card or a message. */
export interface CardActionResponse {
  statusCode: number;
  type: string;
  value: unknown;
}

export function parseCardActionResponse(body: string): CardActionResponse {
  return JSON.parse(body) as CardActionResponse;
}
