// `admin settings [<name> <value>]` and `admin revoke <kudos id> <reason>`: Slack's recognition administration
// for Teams. Teams has no modals, so settings are shown and changed as text, through the same core update.
import type { Services } from "../../app/services.ts";
import { assertAdmin } from "../../core/admin/admin-command.ts";
import { tokenize } from "../../core/shared/command-text.ts";
import type { Member } from "../../core/shared/model.ts";
import { parseRecognitionAdmin, revokeKudos, updateRecognitionSettings } from "../../core/recognition/recognition-admin.ts";
import { describeSettings, parseSettingsText } from "../../core/recognition/settings-command.ts";
import { listOf, plural } from "../../core/shared/wording.ts";
import { infoReply } from "../cards/replies.ts";
import type { TeamsCommandContext } from "../command-context.ts";

/** Handles the recognition subcommands of `admin`; returns false when `args` is not one of them. */
export async function runRecognitionAdmin(services: Services, ctx: TeamsCommandContext, args: string, actor: () => Promise<Member>): Promise<boolean> {
  const [verb] = tokenize(args);
  if (verb?.toLowerCase() === "settings") {
    const parsed = parseSettingsText(args.trim().slice(verb.length));
    if (!parsed.ok) throw parsed.error;
    const admin = await actor();
    assertAdmin(admin.role);
    const current = await services.recognitionSettings.get(ctx.workspace.id);
    if (parsed.command.kind === "show") {
      await ctx.reply(infoReply(ctx.message.humanize(describeSettings(current))));
      return true;
    }
    const changed = await updateRecognitionSettings(services, { workspace: ctx.workspace, actor: admin, settings: { ...current, ...parsed.command.patch } });
    const summary = changed.length === 0 ? "Nothing changed." : `Saved: ${changed.join(", ")}.`;
    await ctx.reply(infoReply(`✅ Recognition settings — ${summary}`));
    return true;
  }
  const recognition = parseRecognitionAdmin(args);
  if (!recognition) return false;
  if (!recognition.ok) throw recognition.error;
  if (recognition.command.kind !== "revoke") return false;
  const revoked = await revokeKudos(services, { workspace: ctx.workspace, actor: await actor(), giftRef: recognition.command.giftRef, reason: recognition.command.reason });
  const names = await Promise.all(
    revoked.recipientUserIds.map(async (id) => (await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, id))?.displayName ?? id),
  );
  await ctx.reply(
    infoReply(
      `✅ Revoked kudos \`${revoked.giftId.slice(0, 8)}\` (${plural(revoked.points, "point")} to ${listOf(names)}). ` +
        "It no longer counts in totals; the audit log has your reason.",
    ),
  );
  return true;
}
