// Freshdesk: automation-rule webhooks with the JSON body template in the README, authenticated with
// HTTP Basic auth whose password is the shared secret (Freshdesk's webhook action supports Basic auth).
import { z } from "zod";
import type { HelpdeskObservation } from "../../core/kpi/helpdesk-events.ts";
import { firstHeader, type HelpdeskProvider, hoursBetween, instant, minutesBetween } from "./provider.ts";
import { safeEqual } from "./signing.ts";

const id = z.union([z.string().min(1), z.number()]).transform(String);
const maybeInstant = z.union([instant, z.literal("").transform(() => null), z.null()]).optional();

const Payload = z.object({
  freshdesk_webhook: z.object({
    ticket_id: id,
    ticket_status: z.string(),
    ticket_created_at: instant,
    ticket_first_responded_at: maybeInstant,
    ticket_resolved_at: maybeInstant,
    ticket_agent_id: id.nullish(),
    ticket_agent_email: z.string().nullish(),
    ticket_satisfaction_rating: z.union([z.number(), z.string()]).nullish(),
    ticket_satisfaction_comment: z.string().nullish(),
    triggered_at: instant.optional(),
  }),
});

// Freshdesk survey ratings: 103 extremely happy … 100 neutral … -103 extremely unhappy; or 1–5 directly.
const FRESHDESK_SCALE: Record<string, number> = { "103": 5, "102": 4, "101": 4, "100": 3, "-101": 2, "-102": 1, "-103": 1 };

function score(raw: number | string | null | undefined): number | null {
  if (raw === null || raw === undefined || String(raw).trim() === "") return null;
  const text = String(raw).trim();
  if (FRESHDESK_SCALE[text] !== undefined) return FRESHDESK_SCALE[text];
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

export const freshdesk: HelpdeskProvider = {
  name: "freshdesk",
  authenticate(headers, _rawBody, secret) {
    const match = /^Basic\s+(\S+)$/i.exec(firstHeader(headers, "authorization"));
    if (!match?.[1]) return false;
    const decoded = Buffer.from(match[1], "base64").toString("utf8");
    const password = decoded.slice(decoded.indexOf(":") + 1);
    return decoded.includes(":") && safeEqual(password, secret);
  },
  schema: Payload,
  toEvents(payload, now) {
    const t = (payload as z.infer<typeof Payload>).freshdesk_webhook;
    const observations: HelpdeskObservation[] = [];
    if (t.ticket_first_responded_at) {
      observations.push({ metric: "first_response_time", value: minutesBetween(t.ticket_created_at, t.ticket_first_responded_at) });
    }
    const resolved = ["resolved", "closed"].includes(t.ticket_status.toLowerCase());
    const resolvedAt = t.ticket_resolved_at ?? t.triggered_at ?? now;
    if (resolved) {
      observations.push({ metric: "resolution_time", value: hoursBetween(t.ticket_created_at, resolvedAt) });
      observations.push({ metric: "tickets_handled", value: 1 });
    }
    const rated = score(t.ticket_satisfaction_rating);
    return [
      {
        provider: "freshdesk",
        ref: `ticket:${t.ticket_id}`,
        agent: { externalId: t.ticket_agent_id ?? null, email: t.ticket_agent_email?.trim() || null },
        occurredAt: resolved ? resolvedAt : (t.triggered_at ?? now),
        observations,
        rating: rated ? { score: rated, comment: t.ticket_satisfaction_comment ?? null } : null,
      },
    ];
  },
};
