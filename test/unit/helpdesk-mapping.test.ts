import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { freshdesk } from "../../src/ingest/webhooks/freshdesk.ts";
import { intercom } from "../../src/ingest/webhooks/intercom.ts";
import { zendesk } from "../../src/ingest/webhooks/zendesk.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/helpdesk/${name}`, import.meta.url), "utf8")) as Record<string, unknown>;
const now = new Date("2026-11-18T12:00:00Z");

describe("helpdesk payload mapping", () => {
  it("ignores Zendesk status changes other than solved", () => {
    const payload = fixture("zendesk-ticket-status-changed.json");
    const pending = { ...payload, event: { current: "PENDING", previous: "OPEN" } };
    expect(zendesk.toEvents(zendesk.schema.parse(pending), now)).toEqual([]);
  });

  it("reads Zendesk's legacy good/bad rating as satisfied or not, never as 5 stars", () => {
    const payload = fixture("zendesk-trigger-rated.json") as { ticket: Record<string, unknown> };
    const good = { ticket: { ...payload.ticket, satisfaction: { score: "good", comment: "nice" } } };
    expect(zendesk.toEvents(zendesk.schema.parse(good), now)[0]?.rating).toEqual({ score: 4, binary: true, comment: "nice" });
    const unrated = { ticket: { ...payload.ticket, satisfaction: { score: "unoffered", comment: "" } } };
    expect(zendesk.toEvents(zendesk.schema.parse(unrated), now)[0]?.rating).toBeNull();
  });

  it("maps Intercom's conversation.rating.added to a rating for the rated teammate", () => {
    const payload = fixture("intercom-conversation-admin-closed.json") as { topic: string };
    const [event] = intercom.toEvents(intercom.schema.parse({ ...payload, topic: "conversation.rating.added" }), now);
    expect(event).toMatchObject({
      ref: "conversation:147",
      agent: { externalId: "991267", email: "ana@example.com" },
      observations: [],
      rating: { score: 5, comment: "Ana was wonderful, patient and quick." },
    });
    expect(intercom.toEvents(intercom.schema.parse({ ...payload, topic: "conversation.user.created" }), now)).toEqual([]);
  });

  it("maps Freshdesk's 7-point survey scale onto 1–5", () => {
    const payload = fixture("freshdesk-ticket-resolved.json") as { freshdesk_webhook: Record<string, unknown> };
    const rating = (r: number | string) =>
      freshdesk.toEvents(freshdesk.schema.parse({ freshdesk_webhook: { ...payload.freshdesk_webhook, ticket_satisfaction_rating: r } }), now)[0]?.rating?.score;
    expect([rating(103), rating(102), rating(101), rating(100), rating(-101), rating(-103), rating("5"), rating(7)]).toEqual([5, 4, 4, 3, 2, 1, 5, undefined]);
  });
});
