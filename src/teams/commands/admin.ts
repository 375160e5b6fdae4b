// admin role|channel|timezone|digest|status|settings|revoke … — Slack's /spur administration, through the same core functions.
// `admin channel` (no argument) picks the channel the command was sent in: Teams has no channel links to parse.
import { runAdminCommand } from "../../core/admin/admin.ts";
import { digestSentReply, previewWeeklyDigest, sendWeeklyDigestNow, setDigestMovers } from "../../core/digests/digest-commands.ts";
import { weeklyDigestCard } from "../cards/weekly-digest.ts";
import { ADMIN_USAGE, type AdminCommand, parseAdminCommand } from "../../core/admin/admin-command.ts";
import { ErrorCode, SpurError, unknownActor } from "../../core/shared/errors.ts";
import type { ParseResult } from "../../core/recognition/kudos-command.ts";
import { infoReply } from "../cards/replies.ts";
import { type TeamsCommandContext, type TeamsDeps, withErrorReplies } from "../command-context.ts";
import type { TeamsCommand } from "./command.ts";
import { runTeamsDataRights } from "./admin-data-rights.ts";
import { DATA_RIGHTS_USAGE } from "../../core/data-rights/data-rights-command.ts";
import { runRecognitionAdmin } from "./admin-recognition.ts";
import { runTeamsKpiAdmin } from "./admin-kpi.ts";
import { runTeamsPrompts } from "./admin-prompts.ts";
import { settingsTextUsage } from "../../core/recognition/settings-command.ts";
import { revokeHelp } from "../../core/recognition/recognition-admin.ts";
import { teamsMarkdown, teamsSpeller } from "../render/markdown.ts";
import { KPI_ADMIN_USAGE } from "../../core/kpi/kpi-admin-command.ts";

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
  description: "Spur admins: roles, the team's channel, time zone and digest schedule; everyone: prompts off|on",
  async run(deps: TeamsDeps, ctx, args) {
    const { services } = deps;
    await withErrorReplies(services, ctx, "admin", async () => {
      const actorOrFail = async () => {
        const member = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
        if (!member) throw unknownActor();
        return member;
      };
      if (await runTeamsDataRights(deps, ctx, args)) return;
      if (await runRecognitionAdmin(deps, ctx)) return;
      if (await runTeamsKpiAdmin(services, ctx, args, actorOrFail)) return;
      if (await runTeamsPrompts(deps, ctx)) return;
      const parsed = parseTeamsAdmin(ctx, args);
      if (!parsed.ok) throw parsed.error;
      if (parsed.command.kind === "help") return ctx.reply(infoReply(ctx.message.humanize(`${ADMIN_USAGE}\n${[revokeHelp(), ...settingsTextUsage()].map((line) => teamsMarkdown(line, "en", teamsSpeller())).join("\n")}\n${KPI_ADMIN_USAGE}\n${DATA_RIGHTS_USAGE}`)));
      const actor = await actorOrFail();
      if (parsed.command.kind === "digest_preview") {
        return ctx.reply(weeklyDigestCard(await previewWeeklyDigest(services, actor, ctx.defaultTeam)));
      }
      if (parsed.command.kind === "digest_movers") {
        return ctx.reply(infoReply(`✅ ${await setDigestMovers(services, actor, ctx.defaultTeam, parsed.command.named)}`));
      }
      if (parsed.command.kind === "digest_send") {
        const sent = await sendWeeklyDigestNow(services, actor, ctx.defaultTeam, { force: parsed.command.force });
        return ctx.reply(infoReply(`✅ ${digestSentReply(sent)}`));
      }
      const message = await runAdminCommand(
        { ...services, onTeamChanged: (team) => services.jobs.syncTeamSchedules(team) },
        { workspace: ctx.workspace, team: ctx.defaultTeam, actor, command: parsed.command },
      );
      await ctx.reply(infoReply(`✅ ${ctx.message.humanize(message)}`));
    });
  },
};
