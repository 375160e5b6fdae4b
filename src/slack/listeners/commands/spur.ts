// /spur … — administration (roles, channel, time zone, digest schedule, recognition settings, revokes).
import type { App } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { runAdminCommand } from "../../../core/admin/admin.ts";
import { ADMIN_USAGE, assertAdmin, parseAdminCommand } from "../../../core/admin/admin-command.ts";
import { unknownActor } from "../../../core/shared/errors.ts";
import { parseRecognitionAdmin, RECOGNITION_ADMIN_USAGE, revokeKudos } from "../../../core/recognition/recognition-admin.ts";
import { plural } from "../../blocks/format.ts";
import { infoReply } from "../../blocks/replies.ts";
import { settingsModal } from "../../blocks/settings-modal.ts";
import { isPromptCommand } from "../../../core/recognition/prompt-command.ts";
import { setDigestMovers } from "../../../core/digests/digest-commands.ts";
import { runDigestOnSlack } from "./spur-digest.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";
import { runPromptCommand } from "./spur-prompts.ts";
import { KPI_ADMIN_USAGE } from "../../../core/kpi/kpi-admin-command.ts";
import { runKpiAdmin } from "./spur-kpi.ts";
import { runDataRights } from "./spur-data-rights.ts";
import { DATA_RIGHTS_USAGE } from "../../../core/data-rights/data-rights-command.ts";

export function registerSpurCommand(app: App, services: Services): void {
  app.command("/spur", async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = await commandContext(services, { command, respond, client });
    if (!ctx) return;
    await withErrorReplies(services, ctx, async () => {
      const actorOrFail = async () => {
        const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
        if (!actor) throw unknownActor();
        return actor;
      };
      const recognition = parseRecognitionAdmin(ctx.payload.text);
      if (recognition) {
        if (!recognition.ok) throw recognition.error;
        const actor = await actorOrFail();
        if (recognition.command.kind === "settings") {
          assertAdmin(actor.role);
          const settings = await services.recognitionSettings.get(ctx.workspace.id);
          await client.views.open({ trigger_id: ctx.payload.trigger_id, view: settingsModal(settings) });
          return;
        }
        const revoked = await revokeKudos(services, { workspace: ctx.workspace, actor, giftRef: recognition.command.giftRef, reason: recognition.command.reason });
        const who = revoked.recipientUserIds.map((id) => `<@${id}>`).join(", ");
        return ctx.reply(infoReply(`:white_check_mark: Revoked kudos \`${revoked.giftId.slice(0, 8)}\` (${plural(revoked.points, "point")} to ${who}). It no longer counts in totals; the audit log has your reason.`));
      }
      if (isPromptCommand(ctx.payload.text)) {
        const member = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
        if (!member) throw unknownActor();
        return runPromptCommand(services, ctx, member);
      }
      if (await runKpiAdmin(services, ctx, client)) return;
      if (await runDataRights(services, ctx)) return;
      const parsed = parseAdminCommand(ctx.payload.text);
      if (!parsed.ok) throw parsed.error;
      if (parsed.command.kind === "help") return ctx.reply(infoReply(`${ADMIN_USAGE}\n${RECOGNITION_ADMIN_USAGE}\n${KPI_ADMIN_USAGE}\n${DATA_RIGHTS_USAGE}`));
      if (parsed.command.kind === "digest_preview" || parsed.command.kind === "digest_send") return runDigestOnSlack(services, { command, respond, client }, parsed.command);
      const actor = await actorOrFail();
      if (parsed.command.kind === "digest_movers") {
        return ctx.reply(infoReply(`:white_check_mark: ${await setDigestMovers(services, actor, ctx.defaultTeam, parsed.command.named)}`));
      }
      const message = await runAdminCommand(
        { ...services, onTeamChanged: (team) => services.jobs.syncTeamSchedules(team) },
        { workspace: ctx.workspace, team: ctx.defaultTeam, actor, command: parsed.command },
      );
      await ctx.reply(infoReply(`:white_check_mark: ${message}`));
    });
  });
}
