// The /spur subcommands not yet ported to the use-case layer: KPI administration. The digest preview and send
// are handed to their use case from here.
import type { Services } from "../../../app/services.ts";
import { parseAdminCommand } from "../../../core/admin/admin-command.ts";
import { runDigestOnSlack } from "./spur-digest.ts";
import { commandContext, type SlashArgs, withErrorReplies } from "../../command-context.ts";
import { slackCommandTokens } from "../../command-tokens.ts";
import { runKpiAdmin } from "./spur-kpi.ts";

export async function runLegacySpur(
  services: Services,
  args: SlashArgs,
): Promise<void> {
  const ctx = await commandContext(services, args);
  if (!ctx) return;
  await withErrorReplies(services, ctx, async () => {
    if (await runKpiAdmin(services, ctx, args.client)) return;
    const parsed = parseAdminCommand(slackCommandTokens(ctx.payload.text));
    if (!parsed.ok) throw parsed.error;
    if (parsed.command.kind === "digest_preview" || parsed.command.kind === "digest_send") return runDigestOnSlack(services, args, parsed.command);
  });
}
