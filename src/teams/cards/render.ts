// Core outbound messages → Teams activities (text fallback plus an Adaptive Card attachment).
import type { Activity } from "botbuilder";
import type { OutboundMessage } from "../../core/outbound/outbound-message.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE, card, escapeMarkdown, type TeamsMessage, textBlock } from "./adaptive-card.ts";
import { leadDigestCard } from "./lead-digest.ts";
import { shoutoutCard } from "./shoutout.ts";
import { weeklyDigestCard } from "./weekly-digest.ts";
import { awardsPostCard } from "./awards-post.ts";
import { leaderboardPostCard } from "./leaderboard-post.ts";

export function renderOutbound(message: OutboundMessage, options: { chartUrl?: string } = {}): TeamsMessage {
  switch (message.kind) {
    case "shoutout":
      return shoutoutCard(message.gift);
    case "weekly_digest":
      return weeklyDigestCard(message.digest, options.chartUrl);
    case "leaderboard_post":
      return leaderboardPostCard(message.post);
    case "awards_post":
      return awardsPostCard(message.awards);
    case "lead_digest":
      return leadDigestCard(message.digest);
    case "kudos_received": {
      const from = message.gift.giver?.displayName ?? "Someone";
      const text = `${from} gave you ${message.gift.points === 1 ? "1 point" : `${message.gift.points} points`}: ${message.gift.reason}`;
      return { text, card: card([textBlock(escapeMarkdown(text))]) };
    }
    case "kudos_lead_note": {
      const from = message.gift.giver?.displayName ?? "Someone";
      const text = `${message.recipient.displayName} on your team received kudos from ${from}: ${message.gift.reason}`;
      return { text, card: card([textBlock(escapeMarkdown(text))]) };
    }
  }
}

/** A card goes alone (Teams would show text above it twice over); its text becomes the notification summary. */
export function toActivity(message: TeamsMessage): Partial<Activity> {
  if (!message.card) return { type: "message", text: message.text };
  return {
    type: "message",
    summary: message.text,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: message.card }],
  };
}
