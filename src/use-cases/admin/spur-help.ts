// spur help (Teams `admin help`): every administration subcommand, as each surface spells it.
import type { Platform } from "../../core/shared/model.ts";
import { AUDIT_ARGS } from "../../core/admin/audit-command.ts";
import { EXPORT_ARGS } from "../../core/data-rights/data-rights-command.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";
import type { Body } from "../body.ts";

const spur = (args: string) => command("spur", args);

export function spurHelp(platform: Platform): Body {
  // Both surfaces open the settings form; Teams' help also shows how to change one rule as text.
  const settings: Msg[] =
    platform === "teams"
      ? [msg("help.admin.settings", { cmd: spur("settings") }), msg("help.admin.settingsText", { cmd: spur("settings allowance 8 day|week") })]
      : [msg("help.admin.settings", { cmd: spur("settings") })];
  return {
    blocks: [
      { kind: "text", text: msg("help.admin.title") },
      {
        kind: "lines",
        lines: [
          msg("help.admin.role", { cmd: spur("role @member agent|lead|admin") }),
          msg("help.admin.channel", { cmd: spur("channel #channel") }),
          msg("help.admin.timezone", { cmd: spur("timezone Europe/Berlin") }),
          msg("help.admin.digest", { cmd: spur("digest monday 09:00") }),
          msg("help.admin.movers", { cmd: spur("digest movers named|private") }),
          msg("help.admin.status", { cmd: spur("status") }),
          msg("help.admin.digestNow", { preview: spur("digest preview"), send: spur("digest send") }),
          msg("help.admin.digestForce", { cmd: spur("digest send force") }),
          msg("help.admin.leaderboardPost", { cmd: spur("leaderboard-post kudos|composite|both|off") }),
          msg("help.admin.awards", { cmd: spur("awards on|off") }),
          msg("help.admin.locale", { cmd: spur("locale en|zh-CN"), current: spur("locale") }),
          msg("help.admin.prompts", { cmd: spur("prompts off|on"), schedule: spur("prompts") }),
          ...settings,
          msg("help.admin.revoke", { cmd: spur("revoke <kudos id> <reason>"), history: command("kudos", "history") }),
          msg("help.admin.audit", { cmd: spur(`audit ${AUDIT_ARGS}`) }),
        ],
      },
      { kind: "text", text: msg("help.teams.title") },
      {
        kind: "lines",
        lines: [
          msg("help.teams.list", { cmd: spur("team list") }),
          msg("help.teams.create", { create: spur("team create <name>"), rename: spur("team rename <name> to <new name>"), archive: spur("team archive <name>") }),
          msg("help.teams.settings", { channel: spur("team <name> channel #channel"), timezone: spur("team <name> timezone Asia/Shanghai"), digest: spur("team <name> digest monday 09:00") }),
          msg("help.teams.here", { cmd: spur("team <name> here") }),
          msg("help.teams.leads", { cmd: spur("team <name> lead add|remove @member") }),
          msg("help.teams.add", { cmd: spur("team <name> add @member") }),
          msg("help.teams.targets", { cmd: spur("team <name> targets [set|remove|edit]") }),
          msg("help.levels", { list: spur("level list"), create: spur("level create <name>"), add: spur("level <name> add @member"), targets: spur("level <name> targets set <kpi> <target> [weight n]") }),
          msg("help.teams.follow", { follow: spur("team <name> follow @group"), unfollow: spur("team <name> unfollow") }),
          msg("help.teams.form", { cmd: spur("team <name> settings") }),
        ],
      },
      { kind: "text", text: msg("help.kpi.title") },
      {
        kind: "lines",
        lines: [
          msg("help.kpi.targets", { cmd: spur("targets"), edit: spur("targets edit") }),
          msg("help.kpi.targetsSet", { cmd: spur("targets set csat 90 [weight 2] [period month] [min 5]") }),
          msg("help.kpi.targetsRemove", { cmd: spur("targets remove csat") }),
          msg("help.kpi.apiToken", { cmd: spur("api-token <name>"), endpoint: "POST /api/kpis", list: spur("api-tokens"), revoke: spur("api-token revoke <prefix>") }),
          msg("help.kpi.helpdesk", { cmd: spur("helpdesk zendesk|intercom|freshdesk <secret>") }),
          msg("help.kpi.helpdeskRemove", { cmd: spur("helpdesk zendesk|intercom|freshdesk remove") }),
          msg("help.kpi.helpdeskAgent", { cmd: spur("helpdesk zendesk agent <helpdesk agent id> @member") }),
          msg("help.kpi.helpdeskShoutouts", { cmd: spur("helpdesk shoutouts on|off") }),
          msg("help.dataRights.export", { cmd: spur(`export ${EXPORT_ARGS}`) }),
          msg("help.dataRights.forget", { cmd: spur("forget @member") }),
        ],
      },
    ],
  };
}
