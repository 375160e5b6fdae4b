// Core outbound messages → Teams activities (text fallback plus an Adaptive Card attachment).
import type { Activity } from "botbuilder";
import type { OutboundMessage } from "../../core/outbound.ts";
import { ADAPTIVE_CARD_CONTENT_TYPE, type TeamsMessage } from "./adaptive-card.ts";
import { shoutoutCard } from "./shoutout.ts";
import { weeklyDigestCard } from "./weekly-digest.ts";

export function renderOutbound(message: OutboundMessage): TeamsMessage {
  switch (message.kind) {
    case "shoutout":
      return shoutoutCard(message.gift);
    case "weekly_digest":
      return weeklyDigestCard(message.digest);
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
