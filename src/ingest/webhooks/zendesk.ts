// Zendesk: event webhooks (zen:event-type:ticket.status_changed) and trigger webhooks whose JSON body is
// the template in the README. Signed: base64 HMAC-SHA256 of timestamp + body with the webhook's secret,
// in X-Zendesk-Webhook-Signature / X-Zendesk-Webhook-Signature-Timestamp.
import { z } from "zod";
import type { HelpdeskEvent, HelpdeskObservation } from "../../core/kpi/helpdesk-events.ts";
import { firstHeader, type HelpdeskProvider, hoursBetween, instant, minutesBetween } from "./provider.ts";
import { hmac, safeEqual } from "./signing.ts";

const MAX_SKEW_MS = 5 * 60_000;
const id = z.union([z.string().min(1), z.number()]).transform(String);
const optionalText = z.string().nullish().transform((s) => (s && s.trim() !== "" ? s.trim() : null));

const StatusChanged = z.object({
  type: z.literal("zen:event-type:ticket.status_changed"),
  id: z.string(),
  time: instant,
  detail: z.object({ id, assignee_id: id.nullish(), created_at: instant, status: z.string() }),
  event: z.object({ current: z.string(), previous: z.string().optional() }),
});

const Trigger = z.object({
  ticket: z.object({
    id,
    status: z.string(),
    created_at: instant,
    updated_at: instant,
    first_reply_at: instant.nullish().or(z.literal("").transform(() => null)),
    assignee: z.object({ id: id.nullish(), email: optionalText }),
    satisfaction: z
      .object({ score: z.union([z.number(), z.string()]), comment: optionalText })
      .nullish(),
  }),
});

const Payload = z.union([StatusChanged, Trigger]);

/** New Zendesk CSAT is 1–5; legacy ratings are good/bad (good counts as satisfied, never as 5 stars). */
function score(raw: number | string): { score: number; binary: boolean } | null {
  const text = String(raw).trim().toLowerCase();
  if (text === "good" || text === "bad") return { score: text === "good" ? 4 : 1, binary: true };
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? { score: n, binary: false } : null;
}

export const zendesk: HelpdeskProvider = {
  name: "zendesk",
  authenticate(headers, rawBody, secret, now) {
    const signature = firstHeader(headers, "x-zendesk-webhook-signature");
    const timestamp = firstHeader(headers, "x-zendesk-webhook-signature-timestamp");
    if (!signature || !timestamp) return false;
    const at = Date.parse(timestamp);
    if (Number.isNaN(at) || Math.abs(now.getTime() - at) > MAX_SKEW_MS) return false;
    return safeEqual(signature, hmac("sha256", secret, Buffer.concat([Buffer.from(timestamp), rawBody]), "base64"));
  },
  schema: Payload,
  toEvents(payload) {
    const p = payload as z.infer<typeof Payload>;
    if ("type" in p) {
      if (p.event.current.toUpperCase() !== "SOLVED") return [];
      return [
        {
          provider: "zendesk",
          ref: `ticket:${p.detail.id}`,
          agent: { externalId: p.detail.assignee_id ?? null, email: null },
          occurredAt: p.time,
          observations: [
            { metric: "resolution_time", value: hoursBetween(p.detail.created_at, p.time) },
            { metric: "tickets_handled", value: 1 },
          ],
          rating: null,
        },
      ];
    }
    const t = p.ticket;
    const observations: HelpdeskObservation[] = [];
    if (t.first_reply_at) observations.push({ metric: "first_response_time", value: minutesBetween(t.created_at, t.first_reply_at) });
    if (["solved", "closed"].includes(t.status.toLowerCase())) {
      observations.push({ metric: "resolution_time", value: hoursBetween(t.created_at, t.updated_at) });
      observations.push({ metric: "tickets_handled", value: 1 });
    }
    const rated = t.satisfaction ? score(t.satisfaction.score) : null;
    const event: HelpdeskEvent = {
      provider: "zendesk",
      ref: `ticket:${t.id}`,
      agent: { externalId: t.assignee.id ?? null, email: t.assignee.email },
      occurredAt: t.updated_at,
      observations,
      rating: rated ? { ...rated, comment: t.satisfaction?.comment ?? null } : null,
    };
    return [event];
  },
};
