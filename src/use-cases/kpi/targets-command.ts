// spur targets [list], spur targets set <kpi> <target> …, spur targets remove <kpi> (Teams: admin targets …):
// a team's KPI targets. Everyone reads them; leads change their own team's, admins any they belong to.
import { changeTargets, type TargetsDeps } from "../../core/kpi/kpi-admin.ts";
import { parseTargetsCommand } from "../../core/kpi/kpi-admin-command.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import type { WorkspaceRepository } from "../../core/shared/ports.ts";
import { code, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Interaction, privately } from "../interaction.ts";
import { teamOf } from "./scorecard-view.ts";
import { targetsBody, targetsSavedBody } from "./targets-body.ts";

export interface TargetsCommandArgs {
  tokens: CommandToken[];
}

export type TargetsCommandDeps = TargetsDeps & { workspaces: Pick<WorkspaceRepository, "teamById"> };

export const targetsCommand: Interaction<TargetsCommandDeps, TargetsCommandArgs> = {
  name: "kpi.targets",
  async run(deps, req) {
    const parsed = parseTargetsCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const cmd = parsed.command;
    // The actor's own team; the workspace's default team for someone in none.
    const team = await teamOf(deps, req.actor, req.team);
    switch (cmd.kind) {
      case "targets_list":
        return [privately(targetsBody(team, await deps.kpiTargets.forTeam(team.id)))];
      case "targets_set": {
        const { kind: _kind, ...target } = cmd;
        const { targets } = await changeTargets(deps, { actor: req.actor, team, set: [target], remove: [] });
        return [privately(targetsSavedBody(team, targets))];
      }
      case "targets_remove": {
        const { removed } = await changeTargets(deps, { actor: req.actor, team, set: [], remove: [cmd.metric] });
        const removedOne = removed.length > 0;
        return [privately(note(removedOne ? "success" : undefined, msg("kpiAdmin.targets.removed", { removed: removedOne ? "yes" : "no", kpi: code(cmd.metric), team: team.name })))];
      }
    }
  },
};
