// /spur … — administration (roles, channel, time zone, digest schedule).
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { runAdminCommand } from "../../../core/admin.ts";
import { ADMIN_USAGE, parseAdminCommand } from "../../../core/admin-command.ts";
import { ErrorCode, SpurError } from "../../../core/errors.ts";
import { KPI_ADMIN_USAGE } from "../../../core/kpi-admin-command.ts";
import { errorReply, infoReply } from "../../blocks/replies.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";
import { runKpiAdmin } from "./spur-kpi.ts";

export function registerSpurCommand(app: App, services: Services): void {
  app.command("/spur", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      if (await runKpiAdmin(services, ctx, client)) return;
      const parsed = parseAdminCommand(ctx.payload.text);
      if (!parsed.ok) return ctx.reply(errorReply(parsed.error.userMessage));
      if (parsed.command.kind === "help") return ctx.reply(infoReply(`${ADMIN_USAGE}\n${KPI_ADMIN_USAGE}`));
      const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
      if (!actor) throw new SpurError(ErrorCode.UnknownUser, "I couldn't look you up in this workspace. Please try again.");
      const message = await runAdminCommand(
        { ...services, onTeamChanged: (team) => services.jobs.syncTeamSchedules(team) },
        { workspace: ctx.workspace, team: ctx.defaultTeam, actor, command: parsed.command },
      );
      await ctx.reply(infoReply(`:white_check_mark: ${message}`));
    });
  });
}
