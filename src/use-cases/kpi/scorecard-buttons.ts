// The scorecard's buttons: previous / next period and Explain replace the card (for the neighbouring period, or
// with how its numbers are computed); Send to agent puts the card in the agent's direct messages. The button
// names the member and the period shown; who clicked comes from the platform, so privacy is checked again on
// every click (a forwarded or stale button grants nothing) and refusals are logged like the command's.
import { z } from "zod";
import type { MemberLookup } from "../../core/kpi/kpi-ports.ts";
import { type Scorecard, scorecardForReader } from "../../core/kpi/scorecard.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import { periodByKey, shiftPeriod } from "../../core/shared/review-period.ts";
import { msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Interaction, privately, type Request } from "../interaction.ts";
import { SCORECARD_ACTIONS, scorecardBody } from "./scorecard-body.ts";
import { scorecardFor, type ScorecardViewDeps, teamOf } from "./scorecard-view.ts";

/** What a scorecard button carries: whose card (member id) and which period it shows. */
export const ScorecardButton = z.object({ m: z.string().uuid(), p: z.string().min(1).max(16) });
export type ScorecardButton = z.infer<typeof ScorecardButton>;

export type ScorecardButtonDeps = ScorecardViewDeps & { memberLookup: Pick<MemberLookup, "byIds"> };

function stale(): SpurError {
  return new SpurError(ErrorCode.StaleInteraction, msg("scorecard.staleButton"));
}

/** The scorecard the button names, `steps` periods away, as the person who clicked may see it. */
async function clicked(deps: ScorecardButtonDeps, req: Request<ScorecardButton>, steps: number): Promise<Scorecard> {
  const subject = (await deps.memberLookup.byIds(req.workspace.id, [req.args.m])).get(req.args.m);
  if (!subject) throw stale();
  const team = await teamOf(deps, subject, req.team);
  const shown = periodByKey(req.args.p, team.timeZone);
  if (!shown) throw stale();
  return scorecardFor(deps, { viewer: req.actor, subject, team, period: shiftPeriod(shown, steps) });
}

function navigate(name: string, steps: number): Interaction<ScorecardButtonDeps, ScorecardButton> {
  return {
    name,
    async run(deps, req) {
      return [{ kind: "update", body: scorecardBody(await clicked(deps, req, steps)) }];
    },
  };
}

export const scorecardPrevious = navigate(SCORECARD_ACTIONS.previous, -1);
export const scorecardNext = navigate(SCORECARD_ACTIONS.next, 1);

export const scorecardExplain: Interaction<ScorecardButtonDeps, ScorecardButton> = {
  name: SCORECARD_ACTIONS.explain,
  async run(deps, req) {
    return [{ kind: "update", body: scorecardBody(await clicked(deps, req, 0), { explained: true }) }];
  },
};

export const scorecardSend: Interaction<ScorecardButtonDeps, ScorecardButton> = {
  name: SCORECARD_ACTIONS.send,
  async run(deps, req) {
    const card = await clicked(deps, req, 0);
    if (card.isSelf) throw new SpurError(ErrorCode.NotAllowed, msg("scorecard.sendOwn"));
    const { leaderboardVisibility } = await deps.recognitionSettings.get(req.workspace.id);
    return [
      { kind: "direct", to: card.subject, body: scorecardBody({ ...scorecardForReader(card, leaderboardVisibility, card.subject), isSelf: true }) },
      privately(note("success", msg("scorecard.sent", { name: card.subject.displayName }))),
    ];
  },
};

/** Every scorecard button, by what it does. */
export const SCORECARD_BUTTONS = { previous: scorecardPrevious, next: scorecardNext, explain: scorecardExplain, send: scorecardSend } as const;

/** A button whose payload could not be read: refused, changing nothing. */
export const scorecardStaleButton: Interaction<unknown, unknown> = {
  name: "scorecard.stale",
  run() {
    return Promise.reject(stale());
  },
};

export { SCORECARD_ACTIONS };
