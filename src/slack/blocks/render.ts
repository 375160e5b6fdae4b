// Core outbound messages → Slack messages (text fallback, blocks, and the run marker as metadata).
import type { OutboundMessage } from "../../core/outbound.ts";
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
    case "weekly_digest":
      return {
        ...weeklyDigestMessage(message.digest),
        metadata: {
          event_type: message.marker.eventType,
          event_payload: { period_key: message.marker.periodKey, team_id: message.marker.teamId },
        },
      };
  }
}
