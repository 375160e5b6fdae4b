// The scorecard card's buttons: previous/next period and Explain replace the card with the same core scorecard
// (for the neighbouring period, or with its formulas); Send to agent posts the card to the agent's personal
// chat. Privacy is checked again on every click (a forwarded or stale card grants nothing) and refusals are
// logged like the command's.
import { z } from "zod";
import { scorecardFor, teamOf } from "../../app/scorecard-view.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import { periodByKey, shiftPeriod } from "../../core/shared/review-period.ts";
import type { Scorecard } from "../../core/kpi/scorecard.ts";
import { CARD_VERBS, type CardVerb } from "../cards/card-actions.ts";
import { toActivity } from "../cards/render.ts";
import { scorecardWithButtons } from "../cards/scorecard-buttons.ts";
import type { TeamsDeps } from "../command-context.ts";
import { personalChatWith } from "../personal-chat.ts";
import { type CardAction, type CardActionContext, parseCardData, STALE_CARD } from "./card-action.ts";

const Data = z.object({ m: z.string().uuid(), p: z.string().min(1).max(16) });

/** The scorecard the button names, `steps` periods away, as the person who clicked may see it. */
async function clickedScorecard({ services }: TeamsDeps, ctx: CardActionContext, steps: number): Promise<Scorecard> {
  if (ctx.conversationType !== "personal") {
    throw new SpurError(ErrorCode.NotAllowed, "Scorecards are private: send me `scorecard` in a personal chat with Spur.");
  }
  const data = parseCardData(Data, ctx);
  const subject = await services.roster.memberById(ctx.workspace.id, data.m);
  if (!subject) throw new SpurError(ErrorCode.StaleInteraction, STALE_CARD);
  const team = await teamOf(services, subject, ctx.defaultTeam);
  const shown = periodByKey(data.p, team.timeZone);
  if (!shown) throw new SpurError(ErrorCode.StaleInteraction, STALE_CARD);
  return scorecardFor(services, { viewer: ctx.actor, subject, team, period: shiftPeriod(shown, steps) });
}

function navigate(verb: CardVerb, steps: number): CardAction {
  return {
    verb,
    async run(deps, ctx) {
      return { card: scorecardWithButtons(await clickedScorecard(deps, ctx, steps)) };
    },
  };
}

export const scorecardPrevious = navigate(CARD_VERBS.scorecardPrevious, -1);
export const scorecardNext = navigate(CARD_VERBS.scorecardNext, 1);

export const scorecardExplain: CardAction = {
  verb: CARD_VERBS.scorecardExplain,
  async run(deps, ctx) {
    return { card: scorecardWithButtons(await clickedScorecard(deps, ctx, 0), { explained: true }) };
  },
};

export const scorecardSend: CardAction = {
  verb: CARD_VERBS.scorecardSend,
  async run(deps, ctx) {
    const scorecard = await clickedScorecard(deps, ctx, 0);
    if (scorecard.isSelf) throw new SpurError(ErrorCode.NotAllowed, "That's your own scorecard: it is already in your personal chat.");
    const chat = await personalChatWith(deps.adapter, deps.store, ctx.workspace.id, scorecard.subject.platformUserId);
    await deps.adapter.send(chat.reference, toActivity(scorecardWithButtons({ ...scorecard, isSelf: true })));
    return { message: `✅ Sent to ${scorecard.subject.displayName} privately.` };
  },
};
