// The /spur subcommands not yet ported to the use-case layer: recognition settings and revokes, prompts,
// KPI administration; the digest preview and send are handed to their use case.
import type { RespondFn, SlackCommandMiddlewareArgs, webApi } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { assertAdmin, parseAdminCommand } from "../../../core/admin/admin-command.ts";
import { unknownActor } from "../../../core/shared/errors.ts";
import { parseRecognitionAdmin, revokeKudos } from "../../../core/recognition/recognition-admin.ts";
import { plural } from "../../blocks/format.ts";
import { infoReply } from "../../blocks/replies.ts";
import { settingsModal } from "../../blocks/settings-modal.ts";
import { isPromptCommand } from "../../../core/recognition/prompt-command.ts";
import { runDigestOnSlack } from "./spur-digest.ts";
import { commandContext, withErrorReplies } from "../../command-context.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { runPromptCommand } from "./spur-prompts.ts";
import { runKpiAdmin } from "./spur-kpi.ts";

export async function runLegacySpur(
  services: Services,
  args: Pick<SlackCommandMiddlewareArgs, "command"> & { respond: RespondFn; client: webApi.WebClient },
): Promise<void> {
  const { client } = args;
  const ctx = await commandContext(services, args);
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
    if (isPromptCommand(ctx.payload.text)) return runPromptCommand(services, ctx, await actorOrFail());
    if (await runKpiAdmin(services, ctx, client)) return;
    const parsed = parseAdminCommand(slackCommandTokens(ctx.payload.text));
    if (!parsed.ok) throw parsed.error;
    if (parsed.command.kind === "digest_preview" || parsed.command.kind === "digest_send") return runDigestOnSlack(services, args, parsed.command);
  });
}
