// What every Adaptive Card action handler gets (the workspace, the person who clicked, the action's data) and
// what it returns: a card that replaces the one clicked, or a short message Teams shows next to it.
import type { TurnContext } from "botbuilder";
import type { z } from "zod";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import type { Member, Team, Workspace } from "../../core/shared/model.ts";
import type { TeamsMessage } from "../cards/adaptive-card.ts";
import type { CardVerb } from "../cards/card-actions.ts";
import type { TeamsDeps } from "../command-context.ts";

export interface CardActionContext {
  turn: TurnContext;
  workspace: Workspace;
  defaultTeam: Team;
  /** The person who clicked: always from the signed activity, never from the card's data. */
  actor: Member;
  /** The conversation without a thread suffix. */
  conversationId: string;
  conversationType: string;
  /** The action's data merged with the card's input values, unvalidated. */
  data: Record<string, unknown>;
}

export type CardActionResult = { card: TeamsMessage } | { message: string };

export interface CardAction {
  verb: CardVerb;
  run(deps: TeamsDeps, ctx: CardActionContext): Promise<CardActionResult>;
}

/** What a card Spur can't read (out of date, or not Spur's) is told. */
export function staleCard(): Msg {
  return msg("interaction.staleCard");
}

/** The action's data as `schema` describes it, or a "stale card" refusal that changes nothing. */
export function parseCardData<T extends z.ZodType>(schema: T, ctx: CardActionContext): z.infer<T> {
  const parsed = schema.safeParse(ctx.data);
  if (!parsed.success) throw new SpurError(ErrorCode.StaleInteraction, staleCard());
  return parsed.data;
}
