// The admin subcommands not yet ported to the use-case layer: KPI administration; the digest preview and send are handed to their use case.
import { digestArgs, digestCommand } from "../../use-cases/digests/digest-command.ts";
import { runOnTeams } from "../run-interaction.ts";
import { parseAdminCommand } from "../../core/admin/admin-command.ts";
import { unknownActor } from "../../core/shared/errors.ts";
import { type TeamsCommandContext, type TeamsDeps, withErrorReplies } from "../command-context.ts";
import { runTeamsKpiAdmin } from "./admin-kpi.ts";

export async function runLegacyAdmin(deps: TeamsDeps, ctx: TeamsCommandContext, args: string): Promise<void> {
  const { services } = deps;
  await withErrorReplies(services, ctx, "admin", async () => {
    const actorOrFail = async () => {
      const member = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.userId);
      if (!member) throw unknownActor();
      return member;
    };
    if (await runTeamsKpiAdmin(services, ctx, args, actorOrFail)) return;
    const parsed = parseAdminCommand(ctx.message.tokens.slice(1));
    if (!parsed.ok) throw parsed.error;
    if (parsed.command.kind === "digest_preview" || parsed.command.kind === "digest_send") {
      return runOnTeams(deps, ctx, "teams:admin", digestCommand, services, digestArgs(parsed.command));
    }
  });
}
