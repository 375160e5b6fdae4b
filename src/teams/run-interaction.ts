// The one runner every Teams interaction goes through: the acting member (and their language, which Teams
// sends on every activity), the use case, its replies as cards, the outcome counted, a failure as a reply.
import type { TurnContext } from "botbuilder";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locale.ts";
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

export function teamsPlace(conversationType: string, conversationId: string): Place {
  const kind = conversationType === "channel" ? "channel" : conversationType === "groupChat" ? "group" : "personal";
  return { channelId: conversationId, kind };
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
    const acting = await actingMember(services, t.workspace, t.defaultTeam, t.turn.activity.from.id, t.turn.activity.locale);
    locale = acting.locale;
    const replies = await interaction.run(useDeps, {
      platform: "teams",
      workspace: t.workspace,
      team: t.defaultTeam,
      actor: acting.actor,
      locale,
      place: teamsPlace(t.conversationType, t.conversationId),
      args,
      idempotencyKey,
    });
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

/** A card action (Action.Execute): the card to show in place of the clicked one, or a short message. */
export async function runTeamsInvoke<Deps, Args>(
  deps: TeamsDeps,
  t: TeamsTurn,
  label: string,
  interaction: Interaction<Deps, Args>,
  useDeps: Deps,
  args: Args,
  idempotencyKey: string,
): Promise<{ card: TeamsMessage } | { message: string }> {
  const outcome = await run(deps, t, label, interaction, useDeps, args, idempotencyKey);
  if ("failure" in outcome) return { message: renderCard(outcome.failure.body, outcome.locale).text };
  let answer: { card: TeamsMessage } | { message: string } | null = null;
  for (const reply of outcome.replies) {
    const message = rendered(reply, outcome.locale);
    if (!message) continue;
    if (reply.kind === "private" && !answer) answer = { message: message.text };
    else if (reply.kind !== "private") answer = { card: message };
  }
  return answer ?? { message: "" };
}
