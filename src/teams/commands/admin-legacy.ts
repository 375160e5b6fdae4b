// The admin subcommands not yet ported to the use-case layer: recognition settings and revokes, prompts, KPI
// administration, and the digest preview and send.
import { digestSentReply, previewWeeklyDigest, sendWeeklyDigestNow } from "../../core/digests/digest-commands.ts";
import { weeklyDigestCard } from "../cards/weekly-digest.ts";
import { parseAdminCommand } from "../../core/admin/admin-command.ts";
import { unknownActor } from "../../core/shared/errors.ts";
import { infoReply } from "../cards/replies.ts";
import { type TeamsCommandContext, type TeamsDeps, withErrorReplies } from "../command-context.ts";
import { runRecognitionAdmin } from "./admin-recognition.ts";
import { runTeamsKpiAdmin } from "./admin-kpi.ts";
import { runTeamsPrompts } from "./admin-prompts.ts";

export async function runLegacyAdmin(deps: TeamsDeps, ctx: TeamsCommandContext, args: string): Promise<void> {
  const { services } = deps;
  await withErrorReplies(services, ctx, "admin", async () => {
    const actorOrFail = async () => {
      const member = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!member) throw unknownActor();
      return member;
    };
    if (await runRecognitionAdmin(services, ctx, args, actorOrFail)) return;
    if (await runTeamsKpiAdmin(services, ctx, args, actorOrFail)) return;
    if (await runTeamsPrompts(services, ctx, args, actorOrFail)) return;
    const parsed = parseAdminCommand(ctx.message.tokens.slice(1));
    if (!parsed.ok) throw parsed.error;
    const actor = await actorOrFail();
    if (parsed.command.kind === "digest_preview") {
      return ctx.reply(weeklyDigestCard(await previewWeeklyDigest(services, actor, ctx.defaultTeam)));
    }
    if (parsed.command.kind === "digest_send") {
      const sent = await sendWeeklyDigestNow(services, actor, ctx.defaultTeam, { force: parsed.command.force });
      return ctx.reply(infoReply(`✅ ${digestSentReply(sent)}`));
    }
  });
}
