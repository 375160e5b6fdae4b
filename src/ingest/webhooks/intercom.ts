// Intercom: notification_event webhooks for conversation.admin.closed and conversation.rating.added.
// Signed: X-Hub-Signature = "sha1=" + hex HMAC-SHA1 of the body with the app's client secret.
import { z } from "zod";
import type { HelpdeskObservation } from "../../core/kpi/helpdesk-events.ts";
import { firstHeader, type HelpdeskProvider, hoursBetween, unixSeconds as unix } from "./provider.ts";
import { hmac, safeEqual } from "./signing.ts";

const id = z.union([z.string().min(1), z.number()]).transform(String);

const Author = z.object({ type: z.string(), id: id.nullish(), email: z.string().nullish() });
const Conversation = z.object({
  type: z.literal("conversation"),
  id,
  created_at: unix,
  admin_assignee_id: id.nullish(),
  statistics: z
    .object({
      time_to_admin_reply: z.number().nullish(),
      first_admin_reply_at: unix.nullish(),
      last_close_at: unix.nullish(),
    })
    .nullish(),
  conversation_rating: z
    .object({
      rating: z.number().int().min(1).max(5).nullish(),
      remark: z.string().nullish(),
      created_at: unix.nullish(),
      teammate: z.object({ type: z.string(), id }).nullish(),
    })
    .nullish(),
  conversation_parts: z.object({ conversation_parts: z.array(z.object({ part_type: z.string(), author: Author })) }).nullish(),
});

const Payload = z.object({
  type: z.literal("notification_event"),
  topic: z.string(),
  id: z.string(),
  created_at: unix,
  data: z.object({ item: Conversation }),
});

const at = (seconds: number) => new Date(seconds * 1000);

export const intercom: HelpdeskProvider = {
  name: "intercom",
  authenticate(headers, rawBody, secret) {
    const signature = firstHeader(headers, "x-hub-signature");
    return signature.startsWith("sha1=") && safeEqual(signature, `sha1=${hmac("sha1", secret, rawBody, "hex")}`);
  },
  schema: Payload,
  // The notification's created_at is signed with the body.
  sentAt: (payload) => at((payload as z.infer<typeof Payload>).created_at),
  toEvents(payload) {
    const p = payload as z.infer<typeof Payload>;
    const c = p.data.item;
    const closer = [...(c.conversation_parts?.conversation_parts ?? [])].reverse().find((part) => part.author.type === "admin");
    const rating = c.conversation_rating?.rating ? { score: c.conversation_rating.rating, comment: c.conversation_rating.remark ?? null } : null;
    const agent = {
      externalId: c.conversation_rating?.teammate?.id ?? c.admin_assignee_id ?? closer?.author.id ?? null,
      email: closer?.author.email ?? null,
    };
    if (p.topic === "conversation.rating.added") {
      if (!rating) return [];
      return [{ provider: "intercom", ref: `conversation:${c.id}`, agent, occurredAt: at(c.conversation_rating?.created_at ?? p.created_at), observations: [], rating }];
    }
    if (p.topic !== "conversation.admin.closed") return [];
    const closedAt = at(c.statistics?.last_close_at ?? p.created_at);
    const observations: HelpdeskObservation[] = [
      { metric: "resolution_time", value: hoursBetween(at(c.created_at), closedAt) },
      { metric: "tickets_handled", value: 1 },
    ];
    const reply = c.statistics?.time_to_admin_reply;
    const firstReplyAt = c.statistics?.first_admin_reply_at;
    if (typeof reply === "number") observations.push({ metric: "first_response_time", value: reply / 60 });
    else if (firstReplyAt) observations.push({ metric: "first_response_time", value: Math.max(0, firstReplyAt - c.created_at) / 60 });
    return [{ provider: "intercom", ref: `conversation:${c.id}`, agent, occurredAt: closedAt, observations, rating }];
  },
};
