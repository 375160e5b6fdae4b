// spur digest preview and spur digest send [force] (Teams: admin digest …):
// last week's digest of the channel's team (typed in a mapped channel) or the actor's, shown only to them, or queued for the team's channel now.
import { previewWeeklyDigest, sendWeeklyDigestNow } from "../../core/digests/digest-commands.ts";
import type { WeeklyDigestDeps } from "../../core/digests/digest.ts";
import type { ActingTeamDeps } from "../../core/admin/acting-team.ts";
import type { AuditWriter } from "../../core/data-rights/data-rights-ports.ts";
import type { Clock, WorkspaceRepository } from "../../core/shared/ports.ts";
import { msg } from "../../i18n/message.ts";
import { note } from "../body.ts";
import { type Interaction, privately, type Reply } from "../interaction.ts";
import { weeklyDigestBody } from "../posts/weekly-digest-body.ts";

export type DigestCommandArgs = { kind: "preview" } | { kind: "send"; force: boolean };

export type DigestCommandDeps = WeeklyDigestDeps &
  Omit<ActingTeamDeps, "workspaces"> & {
  workspaces: WorkspaceRepository;
  clock: Clock;
  jobs: { sendDigestNow(teamId: string, options?: { forcedAt?: string }): Promise<void> };
  auditLog: AuditWriter;
};

export const digestCommand: Interaction<DigestCommandDeps, DigestCommandArgs> = {
  name: "digest.command",
  readsChannelTeam: true,
  async run(deps, req): Promise<Reply[]> {
    if (req.args.kind === "preview") return [privately(weeklyDigestBody(await previewWeeklyDigest(deps, req.actor, req.team, req.channelTeam)))];
    const sent = await sendWeeklyDigestNow(deps, req.actor, req.team, { force: req.args.force, channelTeam: req.channelTeam });
    return [privately(note("success", msg("digest.sent", { period: sent.periodKey, team: sent.team.name, forced: sent.forced ? "yes" : "no" })))];
  },
};

/** The admin parser's digest commands, as this interaction's arguments. */
export function digestArgs(parsed: { kind: "digest_preview" } | { kind: "digest_send"; force: boolean }): DigestCommandArgs {
  return parsed.kind === "digest_preview" ? { kind: "preview" } : { kind: "send", force: parsed.force };
}
