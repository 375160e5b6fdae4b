// Spur added to a team's channel: the channel is mapped to the workspace's default team when that team has no
// channel of its own yet (the installation's own choice, like the first channel always was: not audited);
// otherwise it stays unmapped until an admin sends `team <name> here` in it. The welcome says which.
import type { ChannelTeams, PlaceChannel, TeamAdminRepository } from "../../core/admin/team-ports.ts";
import type { Team, Workspace } from "../../core/shared/model.ts";
import { command, msg, type Msg } from "../../i18n/message.ts";

export interface InstallChannelDeps {
  teamAdmin: Pick<TeamAdminRepository, "summaries" | "mapChannel">;
  channelTeams: ChannelTeams;
  jobs: { syncTeamSchedules(team: Team): Promise<void> };
}

export interface InstallChannelInput {
  workspace: Workspace;
  defaultTeam: Team;
  channel: PlaceChannel;
}

/** Maps the channel when that is clear, and returns the sentence for the welcome. */
export async function channelAtInstall(deps: InstallChannelDeps, input: InstallChannelInput): Promise<Msg> {
  const { workspace, defaultTeam, channel } = input;
  const here = command("spur", "team <name> here");
  const mapped = await deps.channelTeams.teamOfChannel(workspace.id, channel.channelId);
  if (mapped) return msg("team.install.mapped", { team: mapped.name, here });
  const summary = (await deps.teamAdmin.summaries(workspace.id)).find((s) => s.team.id === defaultTeam.id);
  const free = summary && !summary.mappedChannelId && (summary.team.channelId === null || summary.team.channelId === channel.channelId);
  if (!free) return msg("team.install.unmapped", { here, example: command("spur", "team Tier 1 here") });
  // The installation's own choice, like the first channel before it: not audited.
  const { team } = await deps.teamAdmin.mapChannel(defaultTeam.id, channel, null);
  await deps.jobs.syncTeamSchedules(team);
  return msg("team.install.mapped", { team: team.name, here });
}
