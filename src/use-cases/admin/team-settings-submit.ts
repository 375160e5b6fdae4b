// The team settings form's submission, the same on every surface: admins only (a forged submission is refused
// like the command), each field's problem shown under it (the form again), and every change saved at once,
// audited, once all are valid.
import { activeTeam } from "../../core/admin/team-admin.ts";
import { saveTeamSettings, type TeamSettingsDeps } from "../../core/admin/team-settings.ts";
import { readTeamForm } from "../../core/admin/team-settings-form.ts";
import { assertAdmin } from "../../core/admin/admin-command.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import type { JobDispatch } from "../../app/services.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { NO_CHANNEL } from "../form.ts";
import { type Interaction, privately, type Reply } from "../interaction.ts";
import { type TeamSettingsFormDeps, teamSettingsFormOf, type TeamSettingsFormState, type TeamSettingsFormValues } from "./team-settings-form.ts";

export interface SubmitTeamSettingsArgs {
  state: TeamSettingsFormState;
  values: TeamSettingsFormValues;
}

export type SubmitTeamSettingsDeps = TeamSettingsFormDeps & Omit<TeamSettingsDeps, "onTeamChanged"> & { jobs: Pick<JobDispatch, "syncTeamSchedules"> };

/** What a form whose data Spur can't read (out of date, or not Spur's) is told. */
export function unreadableTeamSettingsMessage(): Msg {
  return msg("teamForm.unreadable", { command: command("spur", "team <name> settings") });
}

export function unreadableTeamSettingsForm(): SpurError {
  return new SpurError(ErrorCode.StaleInteraction, unreadableTeamSettingsMessage());
}

export const submitTeamSettingsForm: Interaction<SubmitTeamSettingsDeps, SubmitTeamSettingsArgs> = {
  name: "team.settings.submit",
  async run(deps, req): Promise<Reply[]> {
    assertAdmin(req.actor.role);
    const { state, values } = req.args;
    const known = (await deps.teamAdmin.summaries(req.workspace.id)).find((s) => s.team.id === state.teamId);
    if (!known) throw unreadableTeamSettingsForm();
    const team = await activeTeam(deps, req.workspace, known.team.name);
    const read = readTeamForm(values, { none: NO_CHANNEL, hasUserGroupField: state.userGroup });
    if (!read.ok) return [{ kind: "form", form: await teamSettingsFormOf(deps, req, team, { state, values, errors: read.errors }) }];
    const saved = await saveTeamSettings(
      { ...deps, onTeamChanged: (t) => deps.jobs.syncTeamSchedules(t) },
      { workspace: req.workspace, defaultTeam: req.team, actor: req.actor, team, values: read.values },
    );
    if (!saved.ok) return [{ kind: "form", form: await teamSettingsFormOf(deps, req, team, { state, values, errors: saved.errors }) }];
    const text = saved.lines.reduce((all, line) => msg("status.nextLine", { text: all, line }));
    return [{ kind: "close" }, privately(note("success", text))];
  },
};
