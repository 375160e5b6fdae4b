// spur role|channel|timezone|digest …|digest movers|digest preview|digest send|leaderboard-post|awards|locale|status|help (Teams `admin …`).
import { type AdminAction, runAdminCommand, type AdminDeps } from "../../core/admin/admin.ts";
import { parseAdminCommand } from "../../core/admin/admin-command.ts";
import { setDigestMovers } from "../../core/digests/digest-commands.ts";
import type { DigestReads } from "../../core/digests/digest-ports.ts";
import type { CommandToken } from "../../core/shared/command-text.ts";
import type { JobDispatch } from "../../app/services.ts";
import { type Body, note } from "../body.ts";
import { msg, type Msg } from "../../i18n/message.ts";
import { type Interaction, privately } from "../interaction.ts";
import { spurHelp } from "./spur-help.ts";
import { digestArgs, digestCommand, type DigestCommandDeps } from "../digests/digest-command.ts";

export interface SpurArgs {
  tokens: CommandToken[];
}

export type AdminSettingsDeps = Omit<AdminDeps, "onTeamChanged"> &
  DigestCommandDeps & {
    digestReads: DigestReads;
    jobs: Pick<JobDispatch, "syncTeamSchedules">;
  };

export const adminSettings: Interaction<AdminSettingsDeps, SpurArgs> = {
  name: "spur.admin",
  readsChannelTeam: true,
  async run(deps, req) {
    const parsed = parseAdminCommand(req.args.tokens);
    if (!parsed.ok) throw parsed.error;
    const cmd = parsed.command;
    switch (cmd.kind) {
      case "help":
        return [privately(spurHelp(req.platform))];
      case "digest_movers":
        return [privately(note("success", await setDigestMovers(deps, req.actor, req.team, cmd.named, req.channelTeam)))];
      case "digest_preview":
      case "digest_send":
        return digestCommand.run(deps, { ...req, args: digestArgs(cmd) });
      default: {
        // Typed in a mapped channel, the team's settings are that team's; elsewhere the default team's.
        const input = { workspace: req.workspace, team: req.channelTeam ?? req.team, defaultTeam: req.team, actor: req.actor, command: cmd satisfies AdminAction };
        return [privately(confirmation(await runAdminCommand({ ...deps, onTeamChanged: (team) => deps.jobs.syncTeamSchedules(team) }, input), cmd.kind))];
      }
    }
  },
};

/** One message: a change's confirmation, or the status report with a line per post (so its summary is all of it). */
function confirmation(lines: Msg[], kind: AdminAction["kind"]): Body {
  const text = lines.reduce((all, line) => msg("status.nextLine", { text: all, line }));
  return note(kind === "status" ? undefined : "success", text);
}
