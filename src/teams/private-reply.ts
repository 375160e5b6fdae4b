// Teams has no ephemeral messages: what only the sender may see (scorecards, feedback forms) is shown in a
// personal chat with Spur, never in a channel or group chat.
import type { TeamsMessage } from "./cards/adaptive-card.ts";
import { toActivity } from "./cards/render.ts";
import { infoReply } from "./cards/replies.ts";
import type { TeamsCommandContext, TeamsDeps } from "./command-context.ts";
import { ErrorCode, SpurError } from "../core/shared/errors.ts";
import type { Msg } from "../i18n/message.ts";
import type { Interaction } from "../use-cases/interaction.ts";

/**
 * Replies in a personal chat; from elsewhere, sends the message to the sender's personal chat with Spur and says
 * so, or refuses (naming the command to send there) when they have none yet.
 */
export async function replyPrivately(
  deps: TeamsDeps,
  ctx: TeamsCommandContext,
  what: { privateBecause: string; command: string },
  message: () => Promise<TeamsMessage>,
): Promise<void> {
  if (ctx.conversationType === "personal") return ctx.reply(await message());
  const personal = await deps.store.personalChatOf(ctx.workspace.id, ctx.userId);
  if (!personal) throw new SpurError(ErrorCode.NotAllowed, `${what.privateBecause}: send me \`${what.command}\` in a personal chat with Spur.`);
  await deps.adapter.send(personal.reference, toActivity(await message()));
  await ctx.reply(infoReply(`${what.privateBecause}, so I sent it to our personal chat.`));
}

/** A card action whose card is private: refused (with `refusal`) anywhere but a personal chat. */
export function personalOnly<Deps, Args>(interaction: Interaction<Deps, Args>, refusal: Msg): Interaction<Deps, Args> {
  return {
    name: interaction.name,
    run(deps, req) {
      if (req.place.kind !== "personal") return Promise.reject(new SpurError(ErrorCode.NotAllowed, refusal));
      return interaction.run(deps, req);
    },
  };
}
