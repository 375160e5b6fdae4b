// Which channels a form offers to pick from. Slack's form has its own channel picker and lists none; Teams'
// cards have none, so its adapter lists the channels Spur has been added to (the only ones it can post in).
import type { Workspace } from "../../core/shared/model.ts";

export interface PickableChannel {
  /** The platform's channel id (Teams: the channel's conversation id). */
  id: string;
  /** Its name, when the platform told Spur. */
  name: string | null;
}

export interface ChannelPicker {
  /** The channels the platform lists for the workspace, or null when the form's own picker finds them. */
  listed(workspace: Workspace): Promise<PickableChannel[] | null>;
}
