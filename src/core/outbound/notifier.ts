// The port through which the domain's posts reach chat.
import type { OutboundMessage } from "./outbound-message.ts";
import type { PostedRef, RunMarker } from "../shared/ports.ts";

/** Delivers rendered core results to chat. One implementation per platform. */
export interface Notifier {
  /** `channelId`: a channel, or a person's platform id for a direct message (lead digests, kudos notes). */
  post(channelId: string, message: OutboundMessage): Promise<PostedRef>;
  /**
   * Finds a message Spur already posted with this run marker (a post that was made but not recorded); null
   * when there is none, or when the platform keeps no record Spur may read (a Slack DM: no im:history).
   */
  findPosted(channelId: string, marker: RunMarker, since: Date): Promise<PostedRef | null>;
}
