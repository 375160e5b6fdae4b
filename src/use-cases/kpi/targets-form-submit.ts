// The KPI targets form's submission, the same on every surface: the team's leads and admins only (checked
// again: a forged submission is refused like the command), each field's problem shown under it (the form
// again), and all changes saved once every field is valid.
import { assertCanEditTargets, changeTargets } from "../../core/kpi/kpi-admin.ts";
import { readTargetsForm } from "../../core/kpi/targets-form.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";
import { type Interaction, privately, type Reply } from "../interaction.ts";
import { targetsSavedBody } from "./targets-body.ts";
import { type TargetsFormDeps, targetsFormOf, type TargetsFormState, type TargetsFormValues } from "./targets-form.ts";

export interface SubmitTargetsArgs {
  state: TargetsFormState;
  values: TargetsFormValues;
}

/** What a form whose data Spur can't read (out of date, or not Spur's) is told. */
export function unreadableTargetsMessage(): Msg {
  return msg("targetsForm.unreadable", { command: command("spur", "targets edit") });
}

export function unreadableTargetsForm(): SpurError {
  return new SpurError(ErrorCode.StaleInteraction, unreadableTargetsMessage());
}

export const submitTargetsForm: Interaction<TargetsFormDeps, SubmitTargetsArgs> = {
  name: "kpi.targets.submit",
  async run(deps, req): Promise<Reply[]> {
    const { state, values } = req.args;
    const team = await deps.workspaces.teamById(state.teamId);
    if (!team || team.workspaceId !== req.workspace.id) throw unreadableTargetsForm();
    await assertCanEditTargets(deps, req.actor, team);
    const existing = await deps.kpiTargets.forTeam(team.id);
    const read = readTargetsForm(values, existing);
    if (!read.ok) return [{ kind: "form", form: targetsFormOf(team, existing, { state, values, errors: read.errors }) }];
    const { targets } = await changeTargets(deps, { actor: req.actor, team, set: read.set, remove: read.remove });
    return [{ kind: "close" }, privately(targetsSavedBody(team, targets))];
  },
};
