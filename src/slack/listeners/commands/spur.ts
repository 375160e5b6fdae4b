// /spur … — administration (roles, channel, time zone, digest schedule, recognition settings, revokes).
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { runAdminCommand } from "../../../core/admin/admin.ts";
import { ADMIN_USAGE, parseAdminCommand } from "../../../core/admin/admin-command.ts";
import { unknownActor } from "../../../core/shared/errors.ts";
import { recognitionAdminUsage } from "../../../core/recognition/recognition-admin.ts";
import { infoReply } from "../../blocks/replies.ts";
import { digestSentReply, previewWeeklyDigest, sendWeeklyDigestNow, setDigestMovers } from "../../../core/digests/digest-commands.ts";
import { weeklyDigestMessage } from "../../blocks/weekly-digest.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";
import { runSpurPrompts } from "./spur-prompts.ts";
import { runSpurRecognition } from "./spur-recognition.ts";
import { mrkdwn } from "../../render/mrkdwn.ts";
import { KPI_ADMIN_USAGE } from "../../../core/kpi/kpi-admin-command.ts";
import { runKpiAdmin } from "./spur-kpi.ts";
import { runDataRights } from "./spur-data-rights.ts";
import { DATA_RIGHTS_USAGE } from "../../../core/data-rights/data-rights-command.ts";

export function registerSpurCommand(app: App, services: Services): void {
  app.command("/spur", async ({ command, ack, respond, client }) => {
    await ack();
    if (await runSpurRecognition(services, { command, respond, client })) return;
    if (await runSpurPrompts(services, { command, respond, client })) return;
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const actorOrFail = async () => {
        const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
        if (!actor) throw unknownActor();
        return actor;
      };
      if (await runKpiAdmin(services, ctx, client)) return;
      if (await runDataRights(services, ctx)) return;
      const parsed = parseAdminCommand(ctx.payload.text);
      if (!parsed.ok) throw parsed.error;
      if (parsed.command.kind === "help") return ctx.reply(infoReply(`${ADMIN_USAGE}\n${recognitionAdminUsage().map((line) => mrkdwn(line, "en")).join("\n")}\n${KPI_ADMIN_USAGE}\n${DATA_RIGHTS_USAGE}`));
      const actor = await actorOrFail();
      if (parsed.command.kind === "digest_preview") {
        return ctx.reply(weeklyDigestMessage(await previewWeeklyDigest(services, actor, ctx.defaultTeam)));
      }
      if (parsed.command.kind === "digest_movers") {
        return ctx.reply(infoReply(`:white_check_mark: ${await setDigestMovers(services, actor, ctx.defaultTeam, parsed.command.named)}`));
      }
      if (parsed.command.kind === "digest_send") {
        const sent = await sendWeeklyDigestNow(services, actor, ctx.defaultTeam, { force: parsed.command.force });
        return ctx.reply(infoReply(`:white_check_mark: ${digestSentReply(sent, ` to <#${sent.team.channelId}>`)}`));
      }
      const message = await runAdminCommand(
        { ...services, onTeamChanged: (team) => services.jobs.syncTeamSchedules(team) },
        { workspace: ctx.workspace, team: ctx.defaultTeam, actor, command: parsed.command },
      );
      await ctx.reply(infoReply(`:white_check_mark: ${message}`));
    });
  });
}
