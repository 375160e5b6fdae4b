// The admin subcommands not yet ported to the use-case layer: KPI administration.
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
    await runTeamsKpiAdmin(services, ctx, args, actorOrFail);
  });
}
