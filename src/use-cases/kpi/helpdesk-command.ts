// spur helpdesk zendesk|intercom|freshdesk <secret>, spur helpdesk <provider> remove, spur helpdesk <provider>
// agent <id> @member, spur helpdesk shoutouts on|off (Teams: admin …): connecting helpdesks' webhooks, admins only. The signing
// secret is in the request itself, so that one is confidential.
import { connectHelpdesk, disconnectHelpdesk, type HelpdeskDeps, mapHelpdeskAgent, setCustomerShoutouts } from "../../core/kpi/kpi-admin.ts";
import { parseHelpdeskCommand } from "../../core/kpi/kpi-admin-command.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import { code, command, msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Confidential, type Interaction, privately } from "../interaction.ts";
import { PUBLIC_BASE_URL_PLACEHOLDER } from "./public-url-placeholder.ts";

export interface HelpdeskArgs {
  tokens: CommandToken[];
}

/** Only a signing secret: an agent mapping or the shoutouts switch may be sent anywhere. */
export function helpdeskConfidential(args: HelpdeskArgs): Confidential | null {
  const parsed = parseHelpdeskCommand(args.tokens);
  if (!parsed.ok || parsed.command.kind !== "helpdesk_secret") return null;
  return { why: msg("kpiAdmin.helpdesk.why"), command: command("spur", `helpdesk ${parsed.command.provider} <secret>`) };
}

export const helpdeskCommand: Interaction<HelpdeskDeps, HelpdeskArgs> = {
  name: "kpi.helpdesk",
  confidential: helpdeskConfidential,
  async run(deps, req) {
    const parsed = parseHelpdeskCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const cmd = parsed.command;
    const { workspace, actor } = req;
    switch (cmd.kind) {
      case "helpdesk_secret": {
        await connectHelpdesk(deps, { workspace, actor, provider: cmd.provider, secret: cmd.secret });
        const url = `${PUBLIC_BASE_URL_PLACEHOLDER}/webhooks/${cmd.provider}?workspace=${workspace.id}`;
        return [privately(note("success", msg("kpiAdmin.helpdesk.connected", { provider: cmd.provider, url: code(url) })))];
      }
      case "helpdesk_remove": {
        const removed = await disconnectHelpdesk(deps, { workspace, actor, provider: cmd.provider });
        return [privately(removed ? note("success", msg("kpiAdmin.helpdesk.removed", { provider: cmd.provider })) : note("warning", msg("kpiAdmin.helpdesk.noneToRemove", { provider: cmd.provider })))];
      }
      case "customer_shoutouts":
        await setCustomerShoutouts(deps, { workspace, actor, on: cmd.on });
        return [privately(note("success", msg("kpiAdmin.helpdesk.shoutouts", { on: cmd.on ? "yes" : "no" })))];
      case "helpdesk_agent": {
        const member = await mapHelpdeskAgent(deps, { workspace, team: req.team, actor, provider: cmd.provider, externalId: cmd.externalId, member: cmd.member });
        return [privately(note("success", msg("kpiAdmin.helpdesk.agentMapped", { provider: cmd.provider, id: cmd.externalId, name: member.displayName })))];
      }
    }
  },
};
