// The team a request's channel is mapped to: looked up once by each surface's runner, only in channels and only
// for an interaction that reads it.
import type { ChannelTeams } from "../core/admin/team-ports.ts";
import type { Team } from "../core/shared/model.ts";
import type { Interaction, Place } from "./interaction.ts";

export async function channelTeamOf(
  deps: { channelTeams: ChannelTeams },
  interaction: Pick<Interaction<never, never>, "readsChannelTeam">,
  workspaceId: string,
  place: Place,
): Promise<Team | null> {
  if (!interaction.readsChannelTeam || place.kind !== "channel" || !place.channelId) return null;
  return deps.channelTeams.teamOfChannel(workspaceId, place.channelId);
}
