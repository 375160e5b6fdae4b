// `admin export …` and `admin forget @member [confirm]` in Teams, through the same core functions as Slack.
// Exports go to the personal chat they were asked in (the file holds personal data, so never a channel);
// erasure needs the same command again with `confirm`.
import { requestDataExport } from "../../core/data-rights/data-export.ts";
import { parseDataRightsCommand } from "../../core/data-rights/data-rights-command.ts";
import { ErrorCode, SpurError, unknownActor } from "../../core/shared/errors.ts";
import { forgetConfirmationText, forgetDoneText, forgetMember, memberToForget } from "../../core/data-rights/member-erasure.ts";
import { periodLabel } from "../../core/shared/wording.ts";
import { infoReply } from "../cards/replies.ts";
import type { TeamsCommandContext, TeamsDeps } from "../command-context.ts";

/** Returns false when the text is not a data-rights command. */
export async function runTeamsDataRights(deps: TeamsDeps, ctx: TeamsCommandContext, args: string): Promise<boolean> {
  const parsed = parseDataRightsCommand(args);
  if (!parsed) return false;
  if (!parsed.ok) throw parsed.error;
  const { services } = deps;
  const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
  if (!actor) throw unknownActor();
  const command = parsed.command;
  if (command.kind === "export") {
    if (ctx.conversationType !== "personal") {
      throw new SpurError(ErrorCode.NotAllowed, "Send `admin export` to me in a personal chat: the file holds personal data, so it never goes to a channel.");
    }
    const { period, format } = await requestDataExport(services, {
      workspace: ctx.workspace,
      team: ctx.defaultTeam,
      actor,
      period: command.period,
      format: command.format,
      conversationId: ctx.conversationId,
      requestId: `teams:${ctx.conversationId}:${ctx.turn.activity.id ?? ""}`,
    });
    await ctx.reply(infoReply(`⏳ Preparing the ${format.toUpperCase()} export for ${periodLabel(period)}; it arrives here in a moment.`));
    return true;
  }
  const target = await memberToForget(services, { workspace: ctx.workspace, team: ctx.defaultTeam, actor, target: ctx.message.toTeams(command.target) });
  if (!command.confirmed) {
    await ctx.reply(infoReply(`⚠️ ${forgetConfirmationText(target)} To go ahead, send \`admin forget @${target.displayName} confirm\`.`));
    return true;
  }
  const { counts } = await forgetMember(services, { workspace: ctx.workspace, actor, target });
  await ctx.reply(infoReply(`✅ ${forgetDoneText(counts)}`));
  return true;
}
