// admin role|channel|timezone|digest … — Slack's /spur administration, through the same core functions.
// `admin channel` (no argument) picks the channel the command was sent in: Teams has no channel links to parse.
import { runAdminCommand } from "../../core/admin.ts";
import { previewWeeklyDigest, sendWeeklyDigestNow, setDigestMovers } from "../../core/digest-commands.ts";
import { weeklyDigestCard } from "../cards/weekly-digest.ts";
import { ADMIN_USAGE, type AdminCommand, parseAdminCommand } from "../../core/admin-command.ts";
import { ErrorCode, SpurError } from "../../core/errors.ts";
import type { ParseResult } from "../../core/kudos-command.ts";
import { infoReply } from "../cards/replies.ts";
import { type TeamsCommandContext, type TeamsDeps, withErrorReplies } from "../command-context.ts";
import type { TeamsCommand } from "./command.ts";

function parseTeamsAdmin(ctx: TeamsCommandContext, args: string): ParseResult<AdminCommand> {
  const [verb, ...rest] = args.trim().split(/\s+/);
  if (verb?.toLowerCase() === "channel" && rest.length === 0) {
    if (ctx.conversationType !== "channel") {
      return { ok: false, error: new SpurError(ErrorCode.UnknownArgument, "Send `admin channel` in the channel where shoutouts and the weekly digest should go.") };
    }
    return { ok: true, command: { kind: "channel", channelId: ctx.conversationId } };
  }
  const parsed = parseAdminCommand(args);
  if (parsed.ok && parsed.command.kind === "role") return { ok: true, command: { ...parsed.command, target: ctx.message.toTeams(parsed.command.target) } };
  return parsed;
}

export const adminCommand: TeamsCommand = {
  name: "admin",
  title: "admin role|channel|timezone|digest",
  description: "Spur admins: roles, the team's channel, time zone and digest schedule",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "admin", async () => {
      const parsed = parseTeamsAdmin(ctx, args);
      if (!parsed.ok) throw parsed.error;
      if (parsed.command.kind === "help") return ctx.reply(infoReply(ctx.message.humanize(ADMIN_USAGE)));
      const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!actor) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");
      if (parsed.command.kind === "digest_preview") {
        return ctx.reply(weeklyDigestCard(await previewWeeklyDigest(services, actor, ctx.defaultTeam)));
      }
      if (parsed.command.kind === "digest_movers") {
        return ctx.reply(infoReply(`✅ ${await setDigestMovers(services, actor, ctx.defaultTeam, parsed.command.named)}`));
      }
      if (parsed.command.kind === "digest_send") {
        const { team, periodKey } = await sendWeeklyDigestNow(services, actor, ctx.defaultTeam);
        return ctx.reply(infoReply(`✅ The ${periodKey} digest for ${team.name} is on its way (it is posted once per week, so nothing goes out twice).`));
      }
      const message = await runAdminCommand(
        { ...services, onTeamChanged: (team) => services.jobs.syncTeamSchedules(team) },
        { workspace: ctx.workspace, team: ctx.defaultTeam, actor, command: parsed.command },
      );
      await ctx.reply(infoReply(`✅ ${ctx.message.humanize(message)}`));
    });
  },
};
