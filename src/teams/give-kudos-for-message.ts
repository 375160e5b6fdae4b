// The message action "Give kudos for this message" (a message extension action command): Teams asks for a
// dialog (composeExtension/fetchTask) and Spur answers with the kudos form, pre-filled with the message's author
// and a link to it; the dialog's Send (composeExtension/submitAction) gives the kudos like the form card does.
import { type TaskModuleContinueResponse, type TaskModuleMessageResponse, TeamsInfo, type TurnContext } from "botbuilder";
import { z } from "zod";
import type { TeamsDeps } from "./command-context.ts";
import type { CardActionContext, CardActionResult } from "./actions/card-action.ts";
import { submitTeamsKudosForm } from "./actions/kudos-form.ts";
import { openKudosForm } from "../use-cases/recognition/kudos-form.ts";
import { runTeamsInvoke } from "./run-interaction.ts";
import { teamsKudosFormDeps } from "./teams-people-picker.ts";
import { objectData, runAsActor } from "./actions/index.ts";
import { teamsMessageLink } from "./message-link.ts";
import { connectorStatus } from "./teams-errors.ts";
import { localeFor } from "../i18n/locale.ts";
import { msg } from "../i18n/message.ts";
import { refusal } from "../use-cases/failure.ts";
import { renderCard } from "./render/card.ts";

/** The command id in the manifest's composeExtensions. */
export const GIVE_KUDOS_FOR_MESSAGE = "giveKudosForMessage";

const Identity = z.object({ id: z.string().min(1).max(200), displayName: z.string().max(200).nullish() });

/** What Teams sends about the message the action was used on (MessageActionsPayload, the fields Spur reads). */
const MessagePayload = z.object({
  linkToMessage: z.string().max(2000).nullish(),
  from: z
    .object({
      // A person: `id` is their Entra ID object id.
      user: Identity.nullish(),
      // A bot or app: `id` is its app id.
      application: Identity.nullish(),
    })
    .nullish(),
});

const Action = z.object({
  commandId: z.string().max(100).optional(),
  messagePayload: MessagePayload.nullish(),
  data: z.unknown().optional(),
});
type Action = z.infer<typeof Action>;

type Author = { platformUserId: string; displayName: string };

/**
 * The message's author as a Bot Framework user id: a bot's is "28:" + its app id; a person's comes from the
 * roster (Teams accepts their Entra ID object id there). Null when they aren't in this conversation.
 */
async function authorOf(deps: TeamsDeps, turn: TurnContext, ctx: CardActionContext, payload: Action["messagePayload"]): Promise<Author | null> {
  const { user, application } = payload?.from ?? {};
  if (application && !user) return { platformUserId: `28:${application.id}`, displayName: application.displayName || "That app" };
  if (!user) return null;
  const displayName = user.displayName || "The author";
  if (user.id === turn.activity.from.aadObjectId || user.id === turn.activity.from.id) return { platformUserId: ctx.actor.platformUserId, displayName: ctx.actor.displayName };
  try {
    const account = await TeamsInfo.getMember(turn, user.id);
    await deps.store.rememberIdentity(ctx.workspace.id, {
      platformUserId: account.id,
      aadObjectId: account.aadObjectId ?? null,
      userPrincipalName: account.userPrincipalName ?? null,
    });
    return { platformUserId: account.id, displayName: account.name || displayName };
  } catch (err) {
    const status = connectorStatus(err);
    if (status === 404 || status === 400) return null;
    throw err;
  }
}

/**
 * A message in a personal or group chat, or in a private or shared channel, keeps its link there: the gift's
 * shoutout may go somewhere more public (the recognition channel).
 */
function inPrivateConversation(turn: TurnContext): boolean {
  if (turn.activity.conversation?.conversationType !== "channel") return true;
  const channelData = turn.activity.channelData as { channel?: { membershipType?: unknown } } | undefined;
  const membership = channelData?.channel?.membershipType;
  return membership !== undefined && membership !== "standard";
}

/** The link to the message acted on, unless it is in a private conversation. */
function publicMessageLink(turn: TurnContext, ...candidates: unknown[]): string | null {
  if (inPrivateConversation(turn)) return null;
  for (const candidate of candidates) {
    const link = teamsMessageLink(candidate);
    if (link) return link;
  }
  return null;
}

/** A message extension action's answer: a dialog to show (or keep showing), or a message that closes it. */
export interface DialogResponse {
  task: TaskModuleContinueResponse | TaskModuleMessageResponse;
}

function dialog(result: CardActionResult): DialogResponse {
  if ("message" in result || !result.card.card) {
    return { task: { type: "message", value: "message" in result ? result.message : result.card.text } };
  }
  const card = { contentType: "application/vnd.microsoft.card.adaptive", content: result.card.card };
  return { task: { type: "continue", value: { title: result.card.text, card } } };
}

/** The kudos form in a dialog, for the message the action was used on. */
async function fetchTask(deps: TeamsDeps, turn: TurnContext, action: Action): Promise<CardActionResult> {
  return runAsActor(deps, turn, "teams:message-action:fetch", {}, async (ctx) => {
    const author = await authorOf(deps, turn, ctx, action.messagePayload);
    const args = { from: "message" as const, recipients: author ? [author] : [], messageLink: publicMessageLink(turn, action.messagePayload?.linkToMessage) };
    const key = `teams:invoke:${turn.activity.id ?? ""}`;
    return runTeamsInvoke(deps, ctx, "teams:message-action:fetch", openKudosForm, teamsKudosFormDeps(deps), args, key, "dialog");
  });
}

/** The dialog's Send: the kudos given (the dialog closes with the confirmation) or the form with its errors. */
async function submitAction(deps: TeamsDeps, turn: TurnContext, action: Action): Promise<CardActionResult> {
  const data = objectData(action.data);
  return runAsActor(deps, turn, "teams:message-action:submit", data, async (ctx) => {
    // The message Teams names in the invoke wins over the link carried in the form's data.
    const messageLink = publicMessageLink(turn, action.messagePayload?.linkToMessage, data.messageLink);
    return submitTeamsKudosForm(deps, ctx, "dialog", { source: "shortcut", messageLink });
  });
}

const HANDLERS: Record<string, (deps: TeamsDeps, turn: TurnContext, action: Action) => Promise<CardActionResult>> = {
  "composeExtension/fetchTask": fetchTask,
  "composeExtension/submitAction": submitAction,
};

/** The answer to a message extension invoke, or undefined when it isn't one Spur handles. */
export async function handleMessageAction(deps: TeamsDeps, turn: TurnContext): Promise<DialogResponse | undefined> {
  const handler = HANDLERS[turn.activity.name ?? ""];
  if (!handler) return undefined;
  const parsed = Action.safeParse(turn.activity.value ?? {});
  if (!parsed.success || parsed.data.commandId !== GIVE_KUDOS_FOR_MESSAGE) {
    deps.services.logger.warn({ name: turn.activity.name, commandId: String(parsed.data?.commandId ?? "").slice(0, 50) }, "unknown message extension action");
    return dialog({ message: renderCard(refusal(msg("interaction.unknownAction")), localeFor(turn.activity.locale, null)).text });
  }
  return dialog(await handler(deps, turn, parsed.data));
}
