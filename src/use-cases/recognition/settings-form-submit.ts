// The recognition settings form's submission, the same on every surface: admins only (a forged submission is
// refused like the command), each field's problem shown under it (the form again), and the settings saved
// through the core update (validation, audit entry) once all are valid.
import { assertAdmin } from "../../core/admin/admin-command.ts";
import { updateRecognitionSettings } from "../../core/recognition/recognition-admin.ts";
import type { RecognitionSettingsRepository } from "../../core/recognition/recognition-ports.ts";
import { readSettingsForm } from "../../core/recognition/settings-form.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";
import { settingsSaved } from "./settings-saved.ts";
import { NO_CHANNEL } from "../form.ts";
import { type Interaction, privately, type Reply } from "../interaction.ts";
import { type SettingsFormDeps, settingsFormOf, type SettingsFormState, type SettingsFormValues } from "./settings-form.ts";

export interface SubmitSettingsArgs {
  state: SettingsFormState;
  values: SettingsFormValues;
}

export type SubmitSettingsDeps = SettingsFormDeps & { recognitionSettings: RecognitionSettingsRepository };

/** What a form whose data Spur can't read (out of date, or not Spur's) is told. */
export function unreadableSettingsMessage(): Msg {
  return msg("settingsForm.unreadable", { command: command("spur", "settings") });
}

export function unreadableSettingsForm(): SpurError {
  return new SpurError(ErrorCode.StaleInteraction, unreadableSettingsMessage());
}

export const submitSettingsForm: Interaction<SubmitSettingsDeps, SubmitSettingsArgs> = {
  name: "recognition.settings.submit",
  async run(deps, req): Promise<Reply[]> {
    assertAdmin(req.actor.role);
    const { state, values } = req.args;
    const [current, listed] = await Promise.all([deps.recognitionSettings.get(req.workspace.id), deps.channels.listed(req.workspace)]);
    const read = readSettingsForm(values, current, { channels: listed?.map((c) => c.id) ?? null, noChannel: NO_CHANNEL });
    if (Object.keys(read.errors).length > 0) {
      return [{ kind: "form", form: await settingsFormOf(deps, req, { state, values, errors: read.errors }) }];
    }
    const changed = await updateRecognitionSettings(deps, { workspace: req.workspace, actor: req.actor, settings: read.settings });
    return [{ kind: "close" }, privately(settingsSaved(changed))];
  },
};
