// The KPI part of `/spur`: targets, API tokens and helpdesks. Returns false when the text is not for it.
import type { webApi } from "@slack/bolt";
import type { Services } from "../../../app/services.ts";
import { unknownActor } from "../../../core/shared/errors.ts";
import { KPI_ADMIN_VERBS, parseKpiAdminCommand } from "../../../core/kpi/kpi-admin-command.ts";
import { assertCanEditTargets, PUBLIC_BASE_URL_PLACEHOLDER, runKpiAdmin as run } from "../../../core/kpi/kpi-admin.ts";
import { tokenize } from "../../../core/shared/command-text.ts";
import { errorReply, infoReply } from "../../blocks/replies.ts";
import { targetsModal } from "../../blocks/targets-modal.ts";
import type { CommandContext } from "../../command-context.ts";
import { teamOf } from "../../../use-cases/kpi/scorecard-view.ts";

export async function runKpiAdmin(services: Services, ctx: CommandContext, client: webApi.WebClient): Promise<boolean> {
  const verb = tokenize(ctx.payload.text)[0]?.toLowerCase();
  if (!verb || !KPI_ADMIN_VERBS.has(verb)) return false;
  const parsed = parseKpiAdminCommand(ctx.payload.text);
  if (!parsed.ok) {
    await ctx.reply(errorReply(parsed.error.userMessage));
    return true;
  }
  const actor = await services.members.byPlatformId(ctx.workspace, ctx.defaultTeam.id, ctx.payload.user_id);
  if (!actor) throw unknownActor();
  // A lead manages their own team's targets; so does an admin, for the team they belong to.
  const team = await teamOf(services, actor, ctx.defaultTeam);
  if (parsed.command.kind === "targets_edit") {
    assertCanEditTargets(actor, team);
    const targets = await services.kpiTargets.forTeam(team.id);
    await client.views.open({
      trigger_id: ctx.payload.trigger_id,
      view: targetsModal({ teamId: team.id, teamName: team.name, channelId: ctx.payload.channel_id, targets }),
    });
    return true;
  }
  const message = await run(services, {
    workspace: ctx.workspace,
    team,
    actor,
    command: parsed.command,
    publicBaseUrl: PUBLIC_BASE_URL_PLACEHOLDER,
    now: services.clock.now(),
  });
  await ctx.reply(infoReply(message));
  return true;
}
