// The scorecard card's previous/next buttons: the same core scorecard for the neighbouring period, replacing
// the card. Privacy is checked again on every click (a forwarded or stale card grants nothing) and refusals
// are logged like the command's.
import { z } from "zod";
import { scorecardFor, teamOf } from "../../app/scorecard-view.ts";
import { ErrorCode, SpurError } from "../../core/errors.ts";
import { periodByKey, shiftPeriod } from "../../core/review-period.ts";
import { CARD_VERBS, type CardVerb } from "../cards/card-actions.ts";
import { scorecardWithPeriodButtons } from "../cards/scorecard-buttons.ts";
import { type CardAction, parseCardData, STALE_CARD } from "./card-action.ts";

const Data = z.object({ m: z.string().uuid(), p: z.string().min(1).max(16) });

function navigate(verb: CardVerb, steps: number): CardAction {
  return {
    verb,
    async run({ services }, ctx) {
      if (ctx.conversationType !== "personal") {
        throw new SpurError(ErrorCode.NotAllowed, "Scorecards are private: send me `scorecard` in a personal chat with Spur.");
      }
      const data = parseCardData(Data, ctx);
      const subject = await services.roster.memberById(ctx.workspace.id, data.m);
      if (!subject) throw new SpurError(ErrorCode.StaleInteraction, STALE_CARD);
      const team = await teamOf(services, subject, ctx.defaultTeam);
      const shown = periodByKey(data.p, team.timeZone);
      if (!shown) throw new SpurError(ErrorCode.StaleInteraction, STALE_CARD);
      const card = await scorecardFor(services, { viewer: ctx.actor, subject, team, period: shiftPeriod(shown, steps) });
      return { card: scorecardWithPeriodButtons(card) };
    },
  };
}

export const scorecardPrevious = navigate(CARD_VERBS.scorecardPrevious, -1);
export const scorecardNext = navigate(CARD_VERBS.scorecardNext, 1);
