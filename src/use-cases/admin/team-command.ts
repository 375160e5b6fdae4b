// spur team … (Teams: admin team …): every team of the workspace, its channel, time zone, digest, leads and
// members, its KPI targets, the user group it follows, and its settings form; a team's schedulers move with its schedule.
import { activeTeam, runTeamCommand, type TeamAdminDeps } from "../../core/admin/team-admin.ts";
import { parseTeamCommand } from "../../core/admin/team-command.ts";
import type { JobDispatch } from "../../app/services.ts";
import { note } from "../body.ts";
import { msg } from "../../i18n/message.ts";
import { type Interaction, privately } from "../interaction.ts";
import type { SpurArgs } from "./admin-settings.ts";
import { runTargetsCommand, type TargetsCommandDeps } from "../kpi/targets-command.ts";
import { openTeamSettingsForm, type TeamSettingsFormDeps } from "./team-settings-form.ts";

export type TeamCommandDeps = Omit<TeamAdminDeps, "onTeamChanged"> & TargetsCommandDeps & TeamSettingsFormDeps & { jobs: Pick<JobDispatch, "syncTeamSchedules"> };

export const teamCommand: Interaction<TeamCommandDeps, SpurArgs> = {
  name: "spur.team",
  async run(deps, req) {
    const parsed = parseTeamCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    if (parsed.command.kind === "targets") {
      const team = await activeTeam(deps, req.workspace, parsed.command.name);
      return runTargetsCommand(deps, req, team, parsed.command.targets, `team ${team.name} targets`);
    }
    // `team <name> settings` opens the team's form.
    if (parsed.command.kind === "settings") return openTeamSettingsForm.run(deps, { ...req, args: { name: parsed.command.name } });
    const lines = await runTeamCommand(
      { ...deps, onTeamChanged: (team) => deps.jobs.syncTeamSchedules(team) },
      {
        workspace: req.workspace,
        defaultTeam: req.team,
        actor: req.actor,
        command: parsed.command,
        channel: req.place.kind === "channel" && req.place.channelId ? { channelId: req.place.channelId, groupId: req.place.groupId } : null,
      },
    );
    const text = lines.reduce((all, line) => msg("status.nextLine", { text: all, line }));
    return [privately(note(parsed.command.kind === "list" ? undefined : "success", text))];
  },
};
