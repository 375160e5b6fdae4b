// `admin targets|api-token|api-tokens|helpdesk …`: Slack's KPI administration for Teams, through the same core.
// Teams has no ephemeral replies, so commands whose answer or text holds a secret only run in a personal chat.
import type { Services } from "../../app/services.ts";
import { tokenize } from "../../core/shared/command-text.ts";
import { ErrorCode, SpurError } from "../../core/shared/errors.ts";
import { KPI_ADMIN_VERBS, type KpiAdminCommand, parseKpiAdminCommand } from "../../core/kpi/kpi-admin-command.ts";
import { PUBLIC_BASE_URL_PLACEHOLDER, runKpiAdmin } from "../../core/kpi/kpi-admin.ts";
import { teamOf } from "../../core/recognition/kudos.ts";
import type { Member } from "../../core/shared/model.ts";
import { infoReply } from "../cards/replies.ts";
import type { TeamsCommandContext } from "../command-context.ts";

const SECRET_KINDS = new Set<KpiAdminCommand["kind"]>(["api_token", "helpdesk_secret"]);

/** Handles the KPI subcommands of `admin`; returns false when `args` is not one of them. */
export async function runTeamsKpiAdmin(services: Services, ctx: TeamsCommandContext, args: string, actor: () => Promise<Member>): Promise<boolean> {
  const verb = tokenize(args)[0]?.toLowerCase();
  if (!verb || !KPI_ADMIN_VERBS.has(verb)) return false;
  const parsed = parseKpiAdminCommand(args);
  if (!parsed.ok) throw parsed.error;
  const command = toTeamsCommand(ctx, parsed.command);
  if (SECRET_KINDS.has(command.kind) && ctx.conversationType !== "personal") {
    throw new SpurError(ErrorCode.NotAllowed, "That involves a secret: send it to me in a personal chat with Spur, where only you can see it.");
  }
  const member = await actor();
  // A lead manages their own team's targets; so does an admin, for the team they belong to.
  const team = await teamOf(services, member, ctx.defaultTeam);
  const message = await runKpiAdmin(services, {
    workspace: ctx.workspace,
    team,
    actor: member,
    command,
    publicBaseUrl: PUBLIC_BASE_URL_PLACEHOLDER,
    now: services.clock.now(),
  });
  await ctx.reply(infoReply(ctx.message.humanize(message)));
  return true;
}

function toTeamsCommand(ctx: TeamsCommandContext, command: KpiAdminCommand): KpiAdminCommand {
  // Teams has no form for targets: `targets edit` lists them, with `targets set …` in the help.
  if (command.kind === "targets_edit") return { kind: "targets_list" };
  if (command.kind === "helpdesk_agent") return { ...command, member: ctx.message.toTeams(command.member) };
  return command;
}
