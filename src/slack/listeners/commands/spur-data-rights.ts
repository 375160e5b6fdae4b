// The data-rights part of `/spur`: `export` (file in the admin's DM) and `forget` (asks for a confirming
// click, see actions/forget-confirm.ts). Returns false when the text is not for it.
import type { Services } from "../../../app/services.ts";
import { requestDataExport } from "../../../core/data-rights/data-export.ts";
import { parseDataRightsCommand } from "../../../core/data-rights/data-rights-command.ts";
import { unknownActor } from "../../../core/shared/errors.ts";
import { memberToForget } from "../../../core/data-rights/member-erasure.ts";
import { periodLabel } from "../../../core/shared/wording.ts";
import { forgetConfirmation } from "../../blocks/data-rights.ts";
import { infoReply } from "../../blocks/replies.ts";
import type { CommandContext } from "../../command-context.ts";

export async function runDataRights(services: Services, ctx: CommandContext): Promise<boolean> {
  const parsed = parseDataRightsCommand(ctx.payload.text);
  if (!parsed) return false;
  if (!parsed.ok) throw parsed.error;
  const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
  if (!actor) throw unknownActor();
  const command = parsed.command;
  if (command.kind === "export") {
    const { period, format } = await requestDataExport(services, {
      workspace: ctx.workspace,
      team: ctx.defaultTeam,
      actor,
      period: command.period,
      format: command.format,
      conversationId: null,
      requestId: `slack:${ctx.payload.team_id}:${ctx.payload.trigger_id}`,
    });
    await ctx.reply(infoReply(`:hourglass_flowing_sand: Preparing the ${format.toUpperCase()} export for ${periodLabel(period)}; it arrives in your DM with Spur.`));
    return true;
  }
  const target = await memberToForget(services, { workspace: ctx.workspace, team: ctx.defaultTeam, actor, target: command.target });
  await ctx.reply(forgetConfirmation(target));
  return true;
}
