// Who hears about a gift privately: each recipient, and (if the workspace wants it) each recipient's leads.
import type { Member } from "../shared/model.ts";
import type { OutboundMessage } from "../outbound/outbound-message.ts";
import type { GiftView } from "../shared/ports.ts";

export interface PrivateNote {
  /** Platform user id to message directly. */
  to: string;
  message: OutboundMessage;
}

export function giftNotes(gift: GiftView, options: { notifyLead: boolean; leads: Member[] }): PrivateNote[] {
  const notes: PrivateNote[] = gift.recipients.map((recipient) => ({
    to: recipient.platformUserId,
    message: { kind: "kudos_received", gift, recipient },
  }));
  if (!options.notifyLead) return notes;
  for (const recipient of gift.recipients) {
    for (const lead of options.leads) {
      if (lead.teamId !== recipient.teamId || lead.id === recipient.id || lead.id === gift.giver?.id) continue;
      notes.push({ to: lead.platformUserId, message: { kind: "kudos_lead_note", gift, recipient } });
    }
  }
  return notes;
}
