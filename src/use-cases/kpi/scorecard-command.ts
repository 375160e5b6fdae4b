// scorecard [@agent] [period], on every surface: your own scorecard, or
// (for leads and admins) a team member's, for a week, month or quarter.
import { parseScorecardCommand, periodForSpec } from "../../core/kpi/scorecard-command.ts";
import { type CommandToken, mentionKey, mentionParam } from "../../core/shared/command-text.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import type { MemberDirectory } from "../../core/shared/member-directory.ts";
import { command, msg } from "../../i18n/message.ts";
import type { Confidential, Interaction } from "../interaction.ts";
import { scorecardBody } from "./scorecard-body.ts";
import { scorecardFor, type ScorecardViewDeps, teamOf } from "./scorecard-view.ts";

export interface ScorecardCommandArgs {
  tokens: CommandToken[];
}

export type ScorecardCommandDeps = ScorecardViewDeps & { members: Pick<MemberDirectory, "resolve"> };

/** A scorecard is only for the agent and their leads: where others would read it, it goes to a private place. */
export const SCORECARD_CONFIDENTIAL: Confidential = { why: msg("scorecard.private.why"), command: command("scorecard") };

export const scorecardCommand: Interaction<ScorecardCommandDeps, ScorecardCommandArgs> = {
  name: "scorecard.command",
  async run(deps, req) {
    const parsed = parseScorecardCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const ref = parsed.command.subject;
    let subject = req.actor;
    if (ref) {
      const found = (await deps.members.resolve(req.workspace, req.team.id, [ref])).get(mentionKey(ref));
      if (!found) throw new SpurError(ErrorCode.UnknownUser, msg("scorecard.unknownSubject", { who: mentionParam(ref) }));
      subject = found;
    }
    const team = await teamOf(deps, subject, req.team);
    const period = periodForSpec(parsed.command.period, team, deps.clock.now());
    const card = await scorecardFor(deps, { viewer: req.actor, subject, team, period });
    return [{ kind: "private", body: scorecardBody(card), confidential: SCORECARD_CONFIDENTIAL }];
  },
};
