// spur export [period] [csv|json] and spur forget @member [confirm] (Teams `admin …`), and the forget
// confirmation's button. The export file itself is delivered by the export job, as before.
import { exportPeriodParam, type ExportCommandDeps, requestDataExport } from "../../core/data-rights/data-export.ts";
import { parseDataRightsCommand } from "../../core/data-rights/data-rights-command.ts";
import { type ForgetDeps, forgetConfirmation, forgetDone, forgetMember, memberToForget } from "../../core/data-rights/member-erasure.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import type { Member } from "../../core/shared/model.ts";
import type { TeamRoster } from "../../core/feedback/feedback-ports.ts";
import { command, msg } from "../../i18n/message.ts";
import { z } from "zod";
import { type Body, note, subtle } from "../body.ts";
import { type Interaction, privately } from "../interaction.ts";
import type { SpurArgs } from "./admin-settings.ts";

export const FORGET_CONFIRM_ACTION = "data_rights.forget.confirm";

export type DataRightsDeps = ExportCommandDeps & ForgetDeps & { roster: Pick<TeamRoster, "memberById"> };

export const dataRightsCommand: Interaction<DataRightsDeps, SpurArgs> = {
  name: "spur.data-rights",
  async run(deps, req) {
    const parsed = parseDataRightsCommand(req.args.tokens);
    if (!parsed) throw new Error("spur.data-rights: not a data-rights command");
    if (!parsed.ok) throw parsed.error;
    const cmd = parsed.command;
    if (cmd.kind === "export") {
      // The file holds personal data: Slack opens the admin's DM for it; a Teams bot can only answer in the
      // personal chat it was asked in, so there the export must be asked for in one.
      const here = req.place.kind === "personal" ? req.place.channelId : null;
      if (req.platform === "teams" && !here) {
        throw new SpurError(ErrorCode.NotAllowed, msg("dataRights.export.personalOnly", { command: command("spur", "export") }));
      }
      const { period, format } = await requestDataExport(deps, {
        workspace: req.workspace,
        team: req.team,
        actor: req.actor,
        period: cmd.period,
        format: cmd.format,
        conversationId: req.platform === "teams" ? here : null,
        requestId: req.idempotencyKey,
        locale: req.locale,
      });
      const where = req.platform === "teams" ? "here" : "dm";
      return [privately(note(undefined, msg("dataRights.export.preparing", { format: format.toUpperCase(), period: exportPeriodParam(period), where })))];
    }
    const target = await memberToForget(deps, { workspace: req.workspace, team: req.team, actor: req.actor, target: cmd.target });
    if (cmd.confirmed) return [privately(await erase(deps, req.workspace, req.actor, target))];
    return [privately(forgetConfirmationBody(target))];
  },
};

export const ForgetClick = z.object({ member: z.string().uuid() });

/** The confirming click: erases the member's personal data; the confirmation is replaced by the outcome. */
export const forgetConfirm: Interaction<DataRightsDeps, { memberId: string | null }> = {
  name: "spur.data-rights.forget-confirm",
  async run(deps, req) {
    const target = req.args.memberId ? await deps.roster.memberById(req.workspace.id, req.args.memberId) : null;
    if (!target) throw new SpurError(ErrorCode.StaleInteraction, msg("dataRights.forget.stale"));
    return [{ kind: "update", body: await erase(deps, req.workspace, req.actor, target) }];
  },
};

async function erase(deps: DataRightsDeps, workspace: Parameters<typeof forgetMember>[1]["workspace"], actor: Member, target: Member): Promise<Body> {
  const { counts } = await forgetMember(deps, { workspace, actor, target });
  return note("success", forgetDone(counts));
}

function forgetConfirmationBody(target: Member): Body {
  return {
    tone: "warning",
    blocks: [
      { kind: "text", text: forgetConfirmation(target) },
      subtle(msg("dataRights.forget.howToConfirm", { command: command("spur", `forget @${target.displayName} confirm`) })),
      {
        kind: "buttons",
        buttons: [
          {
            action: FORGET_CONFIRM_ACTION,
            label: msg("dataRights.forget.button", { name: target.displayName.slice(0, 60) }),
            // Spur's member id, checked again against the workspace when clicked.
            data: { member: target.id },
            style: "danger",
            confirm: {
              title: msg("dataRights.forget.confirmTitle"),
              text: msg("dataRights.forget.confirmText"),
              yes: msg("dataRights.forget.confirmYes"),
              no: msg("form.cancel"),
            },
          },
        ],
      },
    ],
  };
}
