// spur settings <name> <value> and spur revoke <kudos id> <reason> (Teams: admin …): recognition
// administration, admin-only and audited. settings alone opens the settings form (settings-form.ts).
import { assertAdmin } from "../../core/admin/admin-command.ts";
import { parseRecognitionAdmin, revokeKudos, updateRecognitionSettings } from "../../core/recognition/recognition-admin.ts";
import type { KudosLedger, RecognitionSettingsRepository } from "../../core/recognition/recognition-ports.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import type { MemberDirectory } from "../../core/shared/member-directory.ts";
import type { Clock } from "../../core/shared/ports.ts";
import { list, member, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { settingsSaved } from "./settings-saved.ts";
import { type Interaction, privately } from "../interaction.ts";

export interface RecognitionAdminArgs {
  tokens: CommandToken[];
}

export interface RecognitionAdminDeps {
  recognitionSettings: RecognitionSettingsRepository;
  ledger: KudosLedger;
  members: MemberDirectory;
  clock: Clock;
}

export const recognitionAdminCommand: Interaction<RecognitionAdminDeps, RecognitionAdminArgs> = {
  name: "recognition.admin",
  async run(deps, req) {
    const parsed = parseRecognitionAdmin(req.args.tokens);
    if (!parsed) throw new SpurError(ErrorCode.UnknownArgument, msg("error.unreadable", { reason: req.args.tokens[0]?.text ?? "" }));
    if (!parsed.ok) throw parsed.error;
    const command = parsed.command;
    if (command.kind === "revoke") {
      const revoked = await revokeKudos(deps, { workspace: req.workspace, actor: req.actor, giftRef: command.giftRef, reason: command.reason });
      const recipients = await Promise.all(
        revoked.recipientUserIds.map(async (id) => member(id, (await deps.members.byPlatformId(req.workspace, req.team.id, id))?.displayName)),
      );
      return [privately(note("success", msg("revoke.done", { id: revoked.giftId.slice(0, 8), points: revoked.points, who: list(recipients) })))];
    }
    assertAdmin(req.actor.role);
    const current = await deps.recognitionSettings.get(req.workspace.id);
    const changed = await updateRecognitionSettings(deps, { workspace: req.workspace, actor: req.actor, settings: { ...current, ...command.settings.patch } });
    return [privately(settingsSaved(changed))];
  },
};
