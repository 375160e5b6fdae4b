// spur targets [list], spur targets set <kpi> <target> …, spur targets remove <kpi> (Teams: admin targets …):
// the actor's own team's KPI targets; `spur team <name> targets …` runs the same for a named team. Everyone
// reads them; leads change those of the teams they lead, admins any team's.
import { changeTargets, type TargetsDeps } from "../../core/kpi/kpi-admin.ts";
import { parseTargetsCommand, type TargetsCommand } from "../../core/kpi/kpi-admin-command.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import type { Team } from "../../core/shared/model.ts";
import type { WorkspaceRepository } from "../../core/shared/ports.ts";
import { code, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Interaction, privately, type Reply, type Request } from "../interaction.ts";
import { teamOf } from "./scorecard-view.ts";
import { targetsBody, targetsSavedBody } from "./targets-body.ts";
import { targetsFormReply } from "./targets-form.ts";

export interface TargetsCommandArgs {
  tokens: CommandToken[];
}

export type TargetsCommandDeps = TargetsDeps & { workspaces: Pick<WorkspaceRepository, "teamById"> };

/** Carries out a targets command for `team`; `prefix` is how the command names it ("targets", "team Tier 1 targets"). */
export async function runTargetsCommand(deps: TargetsCommandDeps, req: Request<unknown>, team: Team, cmd: TargetsCommand, prefix: string): Promise<Reply[]> {
  switch (cmd.kind) {
    case "targets_list":
      return [privately(targetsBody(team, await deps.kpiTargets.forTeam(team.id), prefix))];
    case "targets_edit":
      return targetsFormReply(deps, req, team);
    case "targets_set": {
      const { kind: _kind, ...target } = cmd;
      const { targets } = await changeTargets(deps, { actor: req.actor, team, set: [target], remove: [] });
      return [privately(targetsSavedBody(team, targets, prefix))];
    }
    case "targets_remove": {
      const { removed } = await changeTargets(deps, { actor: req.actor, team, set: [], remove: [cmd.metric] });
      const removedOne = removed.length > 0;
      return [privately(note(removedOne ? "success" : undefined, msg("kpiAdmin.targets.removed", { removed: removedOne ? "yes" : "no", kpi: code(cmd.metric), team: team.name })))];
    }
  }
}

export const targetsCommand: Interaction<TargetsCommandDeps, TargetsCommandArgs> = {
  name: "kpi.targets",
  async run(deps, req) {
    const parsed = parseTargetsCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    // The actor's own team; the workspace's default team for someone in none.
    const team = await teamOf(deps, req.actor, req.team);
    return runTargetsCommand(deps, req, team, parsed.command, "targets");
  },
};
