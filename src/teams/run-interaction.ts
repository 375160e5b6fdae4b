// The one runner every Teams interaction goes through: the acting member (and their language, which Teams
// sends on every activity), the use case, its replies as cards, the outcome counted, a failure as a reply.
import type { TurnContext } from "botbuilder";
import { DEFAULT_LOCALE, type Locale, localeFor } from "../i18n/locale.ts";
import { actingMember } from "../use-cases/actor.ts";
import { failureOf, type Failure, refusal } from "../use-cases/failure.ts";
import { note } from "../use-cases/body.ts";
import { msg } from "../i18n/message.ts";
import type { Interaction, Place, Reply } from "../use-cases/interaction.ts";
import type { TeamsMessage } from "./cards/adaptive-card.ts";
import { toActivity } from "./cards/render.ts";
import type { TeamsCommandContext, TeamsDeps } from "./command-context.ts";
import { renderCard } from "./render/card.ts";
import { renderFormCard } from "./render/form-card.ts";
import type { Team, Workspace } from "../core/shared/model.ts";
import { personalChatWith } from "./personal-chat.ts";
import { ErrorCode, SpurError } from "../core/shared/errors.ts";
import { checkStorableText } from "../core/shared/user-text.ts";
import { channelTeamOf } from "../use-cases/channel-team.ts";

export function teamsPlace(conversationType: string, conversationId: string, teamsTeamId: string | null = null): Place {
  const kind = conversationType === "channel" ? "channel" : conversationType === "groupChat" ? "group" : "personal";
  return { channelId: conversationId, kind, groupId: kind === "channel" ? teamsTeamId : null };
}

/** The Teams team a channel's activity comes from (channelData.team.id), if any. */
export function teamsTeamIdOf(turn: TurnContext): string | null {
  const team = (turn.activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === "string" ? team.id : null;
}

interface TeamsTurn {
  turn: TurnContext;
  workspace: Workspace;
  defaultTeam: Team;
  conversationId: string;
  conversationType: string;
}

async function run<Deps, Args>(
  deps: TeamsDeps,
  t: TeamsTurn,
  label: string,
  interaction: Interaction<Deps, Args>,
  useDeps: Deps,
  args: Args,
  idempotencyKey: string,
): Promise<{ replies: Reply[]; locale: Locale } | { failure: Failure; locale: Locale }> {
  const { services } = deps;
  let locale: Locale = t.workspace.locale ?? DEFAULT_LOCALE;
  try {
    const acting = await actingMember(services, t.workspace, t.defaultTeam, t.turn.activity.from.id, t.turn.activity.locale, interaction.unknownActor);
    locale = acting.locale;
    // Teams has no private replies: a confidential request runs only in a personal chat, and is refused unrun elsewhere.
    const confidential = interaction.confidential?.(args);
    if (confidential && teamsPlace(t.conversationType, t.conversationId).kind !== "personal") throw new SpurError(ErrorCode.NotAllowed, msg("private.onlyInPersonalChat", { ...confidential }));
    checkStorableText(args);
    const place = teamsPlace(t.conversationType, t.conversationId, teamsTeamIdOf(t.turn));
    const all = await interaction.run(useDeps, {
      platform: "teams",
      workspace: t.workspace,
      team: t.defaultTeam,
      channelTeam: await channelTeamOf(services, interaction, t.workspace.id, place),
      actor: acting.actor,
      locale,
      place,
      args,
      idempotencyKey,
    });
    const replies: Reply[] = [];
    for (const reply of all) {
      if (reply.kind !== "direct") {
        replies.push(reply);
        continue;
      }
      // Another member's personal chat with Spur, opened if they have none yet, in their language.
      const chat = await personalChatWith(deps.adapter, deps.store, t.workspace.id, reply.to.platformUserId);
      await deps.adapter.send(chat.reference, toActivity(renderCard(reply.body, localeFor(reply.to.locale, t.workspace.locale))));
    }
    services.metrics.commands.inc({ command: label, outcome: "ok" });
    return { replies, locale };
  } catch (err) {
    const failure = failureOf(err);
    services.metrics.commands.inc({ command: label, outcome: failure.outcome });
    if (failure.outcome === "refused") services.logger.info({ code: failure.code, command: label }, "interaction refused");
    else services.logger.error({ err, command: label }, "interaction failed");
    return { failure, locale };
  }
}

function rendered(reply: Reply, locale: Locale): TeamsMessage | null {
  switch (reply.kind) {
    case "private":
    case "update":
      return renderCard(reply.body, locale);
    case "form":
      return renderFormCard(reply.form, locale);
    case "close":
    case "direct":
      return null;
  }
}

/**
 * A message to the bot: each reply is sent into the conversation. A confidential reply asked for outside a
 * personal chat goes to the sender's personal chat with Spur instead (saying so here), or is refused, naming
 * what to send there, when they have none yet.
 */
export async function runOnTeams<Deps, Args>(
  deps: TeamsDeps,
  ctx: TeamsCommandContext,
  label: string,
  interaction: Interaction<Deps, Args>,
  useDeps: Deps,
  args: Args,
): Promise<void> {
  // Teams redelivers an activity with the same id when it did not get a timely answer.
  const key = `teams:msg:${ctx.conversationId}:${ctx.turn.activity.id ?? ""}`;
  const outcome = await run(deps, ctx, label, interaction, useDeps, args, key);
  if ("failure" in outcome) return void (await ctx.turn.sendActivity(toActivity(renderCard(outcome.failure.body, outcome.locale))));
  const { locale } = outcome;
  for (const reply of outcome.replies) {
    const message = rendered(reply, locale);
    if (!message) continue;
    const confidential = (reply.kind === "private" || reply.kind === "form") && ctx.conversationType !== "personal" ? reply.confidential : undefined;
    if (!confidential) {
      await ctx.turn.sendActivity(toActivity(message));
      continue;
    }
    const personal = await deps.store.personalChatOf(ctx.workspace.id, ctx.userId);
    if (!personal) {
      await ctx.turn.sendActivity(toActivity(renderCard(refusal(msg("private.askInPersonalChat", { ...confidential })), locale)));
      continue;
    }
    await deps.adapter.send(personal.reference, toActivity(message));
    await ctx.turn.sendActivity(toActivity(renderCard(note(undefined, msg("private.sentToPersonalChat", { why: confidential.why })), locale)));
  }
}

/**
 * Where an invoke came from: a card in a conversation (Action.Execute; its answer replaces the card) or a
 * dialog (a task module: its form's Send is an Action.Submit, and a plain message closes it).
 */
export type InvokeSurface = "card" | "dialog";

/**
 * A card action or a dialog's submission: the card to show in place of the clicked one (a form, an update, or
 * what a closed form says on a card), or a short message.
 */
export async function runTeamsInvoke<Deps, Args>(
  deps: TeamsDeps,
  t: TeamsTurn,
  label: string,
  interaction: Interaction<Deps, Args>,
  useDeps: Deps,
  args: Args,
  idempotencyKey: string,
  surface: InvokeSurface = "card",
): Promise<{ card: TeamsMessage } | { message: string }> {
  const outcome = await run(deps, t, label, interaction, useDeps, args, idempotencyKey);
  if ("failure" in outcome) return { message: renderCard(outcome.failure.body, outcome.locale).text };
  let answer: { card: TeamsMessage } | { message: string } | null = null;
  let closed = false;
  for (const reply of outcome.replies) {
    switch (reply.kind) {
      case "close":
        closed = true;
        break;
      case "form":
        answer = { card: renderFormCard(reply.form, outcome.locale, surface === "dialog" ? "submit" : "execute") };
        break;
      case "update":
        answer = { card: renderCard(reply.body, outcome.locale) };
        break;
      case "private": {
        const message = renderCard(reply.body, outcome.locale);
        // A card can't close: a submitted form card is replaced by what the submission says.
        if (closed && surface === "card") answer = { card: message };
        else answer ??= { message: message.text };
        break;
      }
    }
  }
  return answer ?? { message: "" };
}
