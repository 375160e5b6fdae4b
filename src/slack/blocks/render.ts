// Core outbound messages → Slack messages (text fallback, blocks, and the run marker as metadata).
import type { OutboundMessage } from "../../core/outbound.ts";
import type { RunMarker } from "../../core/ports.ts";
import { leadDigestMessage } from "./lead-digest.ts";
import type { SlackMessage } from "./replies.ts";
import { kudosReceivedMessage, leadNoteMessage } from "./kudos-dm.ts";
import { shoutoutMessage } from "./shoutout.ts";
import { weeklyDigestMessage } from "./weekly-digest.ts";

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
      return { ...leadDigestMessage(message.digest), metadata: runMetadata(message.marker) };
    case "weekly_digest":
      return {
        ...weeklyDigestMessage(message.digest),
        metadata: runMetadata(message.marker),
      };
  }
}

/** The run marker as Slack message metadata: a retry finds a post that was made but not recorded. */
function runMetadata(marker: RunMarker): NonNullable<RenderedPost["metadata"]> {
  return { event_type: marker.eventType, event_payload: { period_key: marker.periodKey, team_id: marker.teamId } };
}
