// Spur added to a team's channel: while the default team has no channel, its shoutouts and digest go there
// (the installation's own choice, not audited, as always). The welcome says which team the channel is mapped
// to (`team <name> here`), or, when it is mapped to none, that commands typed in it act on each person's own
// team and how an admin maps it.
import type { ChannelTeams, PlaceChannel } from "../../core/admin/team-ports.ts";
import type { Team, Workspace } from "../../core/shared/model.ts";
import type { WorkspaceRepository } from "../../core/shared/ports.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

export interface InstallChannelDeps {
  workspaces: Pick<WorkspaceRepository, "updateTeam">;
  channelTeams: ChannelTeams;
  jobs: { syncTeamSchedules(team: Team): Promise<void> };
}

export interface InstallChannelInput {
  workspace: Workspace;
  defaultTeam: Team;
  channel: PlaceChannel;
}

/** Gives the default team the channel when it has none, and returns the sentence for the welcome. */
export async function channelAtInstall(deps: InstallChannelDeps, input: InstallChannelInput): Promise<Msg> {
  const { workspace, defaultTeam, channel } = input;
  if (!defaultTeam.channelId) {
    const team = await deps.workspaces.updateTeam(defaultTeam.id, { channelId: channel.channelId });
    await deps.jobs.syncTeamSchedules(team);
  }
  const here = command("spur", "team <name> here");
  const mapped = await deps.channelTeams.teamOfChannel(workspace.id, channel.channelId);
  if (mapped) return msg("team.install.mapped", { team: mapped.name, here });
  return msg("team.install.unmapped", { here, example: command("spur", "team Tier 1 here") });
}
