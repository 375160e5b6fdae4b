// Teams' cards have no channel picker: forms list the team channels Spur has been added to (the only ones it
// can post in), by the name Teams gave when Spur last heard from each.
import type { Workspace } from "../core/shared/model.ts";
import type { ChannelPicker, PickableChannel } from "../use-cases/recognition/channel-picker.ts";
import type { TeamsStore } from "../store/teams-store.ts";
import type { TeamsDeps } from "./command-context.ts";

/** The most channels a card lists. */
const MAX_CHANNELS = 100;

export class TeamsChannelPicker implements ChannelPicker {
  constructor(private readonly store: TeamsStore) {}

  async listed(workspace: Workspace): Promise<PickableChannel[]> {
    const channels = await this.store.activeChannels(workspace.id);
    return channels.slice(0, MAX_CHANNELS).map((c) => {
      const conversation = c.reference.conversation as { name?: unknown } | undefined;
      return { id: c.conversationId, name: typeof conversation?.name === "string" && conversation.name !== "" ? conversation.name : null };
    });
  }
}

/** The dependencies of forms that pick a channel, on Teams. */
export function teamsFormDeps(deps: TeamsDeps) {
  return { ...deps.services, channels: new TeamsChannelPicker(deps.store) };
}
