// Core outbound messages → Slack messages (text fallback, blocks, and the run marker as metadata).
import type { OutboundMessage } from "../../core/outbound/outbound-message.ts";
import type { RunMarker } from "../../core/shared/ports.ts";
import { leadDigestMessage } from "./lead-digest.ts";
import type { SlackMessage } from "./replies.ts";
import { kudosReceivedMessage, leadNoteMessage } from "./kudos-dm.ts";
import { shoutoutMessage } from "./shoutout.ts";
import { weeklyDigestMessage } from "./weekly-digest.ts";
import { awardsPostMessage } from "./awards-post.ts";
import { leaderboardPostMessage } from "./leaderboard-post.ts";

export interface RenderedPost extends SlackMessage {
  metadata?: { event_type: string; event_payload: Record<string, string> };
}

export function renderOutbound(message: OutboundMessage): RenderedPost {
  switch (message.kind) {
    case "shoutout":
      return shoutoutMessage(message.gift);
    case "kudos_received":
      return kudosReceivedMessage(message.gift);
    case "kudos_lead_note":
      return leadNoteMessage(message.gift, message.recipient);
    case "lead_digest":
      return { ...leadDigestMessage(message.digest), metadata: markerMetadata(message.marker) };
    case "weekly_digest":
      return { ...weeklyDigestMessage(message.digest), metadata: markerMetadata(message.marker) };
    case "leaderboard_post":
      return { ...leaderboardPostMessage(message.post), metadata: markerMetadata(message.marker) };
    case "awards_post":
      return { ...awardsPostMessage(message.awards), metadata: markerMetadata(message.marker) };
  }
}

/** A scheduled post's run marker as Slack message metadata, which a retry looks for in the channel history. */
function markerMetadata(marker: RunMarker): NonNullable<RenderedPost["metadata"]> {
  return { event_type: marker.eventType, event_payload: { period_key: marker.periodKey, team_id: marker.teamId } };
}
