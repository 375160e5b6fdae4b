// Carrying out KPI administration: targets (leads for their team, admins), API tokens and helpdesks (admins).
import { assertAdmin } from "../admin/admin-command.ts";
import { describeMention, mentionKey } from "../shared/command-text.ts";
import { ErrorCode, SpurError } from "../shared/errors.ts";
import { formatMetricValue, metric } from "./kpi-catalogue.ts";
import type { KpiAdminCommand } from "./kpi-admin-command.ts";
import type { ApiTokenRepository, HelpdeskRepository, KpiTargetRepository } from "./kpi-ports.ts";
import type { MemberDirectory } from "../shared/member-directory.ts";
import type { Member, Team, Workspace } from "../shared/model.ts";

export interface KpiAdminDeps {
  kpiTargets: KpiTargetRepository;
  apiTokens: ApiTokenRepository;
  helpdesks: HelpdeskRepository;
  members: MemberDirectory;
}

export function describeTargets(team: Team, targets: Awaited<ReturnType<KpiTargetRepository["forTeam"]>>): string {
  if (targets.length === 0) return `${team.name} has no KPI targets yet. Set one with \`/spur targets set csat 90 weight 2\`.`;
  const total = targets.reduce((s, t) => s + t.weight, 0);
  const lines = targets.map((t) => {
    const def = metric(t.metric);
    const share = total > 0 ? ` (${Math.round((t.weight / total) * 100)}% of the composite)` : "";
    const min = ` · min ${t.minVolume ?? def.minVolume} ${def.volumeNoun}`;
    return `• *${def.label}* (\`${t.metric}\`, ${def.direction} is better): ${formatMetricValue(def, t.target)} per ${t.period} · weight ${t.weight}${share}${min}`;
  });
  return [`*KPI targets for ${team.name}*`, ...lines, "_Composite = Σ(weight × min(attainment, 100%)) ÷ Σweight; lower-is-better KPIs use target ÷ value._"].join("\n");
}

/** Where replies tell people to send KPI records and webhooks: Spur does not know its own public address. */
export const PUBLIC_BASE_URL_PLACEHOLDER = "https://<your Spur host>";

export function assertCanEditTargets(actor: Member, team: Team): void {
  const own = actor.teamId === team.id;
  if (actor.role === "admin" || (actor.role === "lead" && own)) return;
  throw new SpurError(ErrorCode.NotAllowed, "Only leads (for their own team) and admins can change KPI targets.");
}

/** Returns the reply text. Token and secret replies are ephemeral: only the admin sees them. */
export async function runKpiAdmin(
  deps: KpiAdminDeps,
  input: { workspace: Workspace; team: Team; actor: Member; command: KpiAdminCommand; publicBaseUrl: string; now: Date },
): Promise<string> {
  const { workspace, team, actor, command } = input;
  switch (command.kind) {
    case "targets_list":
    case "targets_edit": // the form itself is opened by the chat adapter; this is its text fallback
      return describeTargets(team, await deps.kpiTargets.forTeam(team.id));
    case "targets_set":
    case "targets_remove": {
      assertCanEditTargets(actor, team);
      if (command.kind === "targets_remove") {
        const removed = await deps.kpiTargets.remove(team.id, command.metric);
        return removed ? `Removed the ${command.metric} target of ${team.name}.` : `${team.name} had no ${command.metric} target.`;
      }
      const { kind: _kind, ...target } = command;
      await deps.kpiTargets.set(team.id, target, actor.id);
      return `:white_check_mark: Saved.\n${describeTargets(team, await deps.kpiTargets.forTeam(team.id))}`;
    }
    case "api_token": {
      assertAdmin(actor.role);
      const { token } = await deps.apiTokens.create(workspace.id, command.name, actor.id);
      return [
        `:key: API token *${command.name}* — copy it now, Spur will not show it again:`,
        `\`${token}\``,
        `Send KPI records with \`POST ${input.publicBaseUrl}/api/kpis\` and \`Authorization: Bearer <token>\`.`,
      ].join("\n");
    }
    case "api_token_list": {
      assertAdmin(actor.role);
      const tokens = await deps.apiTokens.list(workspace.id);
      if (tokens.length === 0) return "No API tokens yet. Create one with `/spur api-token <name>`.";
      const day = (d: Date) => d.toISOString().slice(0, 10);
      return ["*API tokens*", ...tokens.map((t) => `• \`${t.prefix}…\` ${t.name} — created ${day(t.createdAt)}, ${t.lastUsedAt ? `last used ${day(t.lastUsedAt)}` : "never used"}`)].join("\n");
    }
    case "api_token_revoke": {
      assertAdmin(actor.role);
      const revoked = await deps.apiTokens.revoke(workspace.id, command.prefix, input.now);
      return revoked > 0 ? `:white_check_mark: Revoked \`${command.prefix}…\`: requests with it now get 401.` : `No live token starts with \`${command.prefix}\`.`;
    }
    case "helpdesk_secret": {
      assertAdmin(actor.role);
      await deps.helpdesks.setSecret(workspace.id, command.provider, command.secret);
      return `:white_check_mark: ${command.provider} connected. Point its webhook at \`${input.publicBaseUrl}/webhooks/${command.provider}?workspace=${workspace.id}\`.`;
    }
    case "customer_shoutouts": {
      assertAdmin(actor.role);
      await deps.helpdesks.setCustomerShoutouts(workspace.id, command.on);
      return command.on
        ? ":white_check_mark: Customer kudos (5-star ratings with a comment) will be posted in each team's shoutout channel."
        : ":white_check_mark: Customer kudos stay on scorecards only; nothing is posted.";
    }
    case "helpdesk_agent": {
      assertAdmin(actor.role);
      const member = (await deps.members.resolve(workspace, team.id, [command.member])).get(mentionKey(command.member));
      if (!member) throw new SpurError(ErrorCode.UnknownUser, `I couldn't find ${describeMention(command.member)} in this workspace.`);
      await deps.helpdesks.mapAgent(workspace.id, command.provider, command.externalId, member.id);
      return `:white_check_mark: ${command.provider} agent ${command.externalId} is now ${member.displayName}.`;
    }
  }
}
