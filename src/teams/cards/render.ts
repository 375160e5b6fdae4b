// Teams messages → activities (text fallback plus an Adaptive Card attachment).
import type { Activity } from "botbuilder";
import { ADAPTIVE_CARD_CONTENT_TYPE, type TeamsMessage } from "./adaptive-card.ts";

/** A card goes alone (Teams would show text above it twice over); its text becomes the notification summary. */
export function toActivity(message: TeamsMessage): Partial<Activity> {
  if (!message.card) return { type: "message", text: message.text };
  return {
    type: "message",
    summary: message.text,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: message.card }],
  };
}
