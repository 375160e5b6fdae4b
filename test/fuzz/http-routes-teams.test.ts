// Property-based fuzz of the HTTP routes, part teams: Teams activities, the helpdesk webhooks, health, metrics, charts, OAuth and unknown routes.
// Random bytes, unicode (NUL, lone surrogates) and oversized bodies, correctly signed or authenticated so they get
// past the door: Spur must answer every one below 500, stay up, and keep its memory bounded. FUZZ_RUNS sets the
// cases per property. The route families are split across files (http-routes-*.test.ts) so they run in parallel.
import fc from "fast-check";
import { describe, it } from "vitest";
import { fixture, freshdeskHeaders, intercomHeaders, zendeskHeaders } from "../support/helpdesk-signing.ts";
import { FUZZ_RUNS, fuzzTimeout, mutated, nastyText, nastyValue, randomBody } from "../support/fuzz.ts";
import { fuzz, fuzzed, itKeepsMemoryBounded, pct, SECRETS, useFuzzedSpur, VERBS } from "../support/http-fuzz.ts";
import { BOT, cardAction, GENERAL, message, TEAMS_USERS, TENANT_ID } from "../support/teams-activities.ts";

useFuzzedSpur();

describe(`fuzz: Teams, helpdesk and other routes answer below 500 (${FUZZ_RUNS} cases each)`, () => {
  it("Teams /api/messages: random activities from Teams", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const where = { serviceUrl: fuzzed.connector.url };
    const people = [...Object.values(TEAMS_USERS), { id: "29:stranger", name: "Stranger" }, { id: "28:other-bot", name: "Bot" }];
    const from = fc.constantFrom(...people);
    const text = fc.oneof(
      nastyText(),
      fc.tuple(fc.constantFrom("kudos", "scorecard", "leaderboard", "feedback", "admin", "help", "kudos history", "feedback request", "admin role", "admin settings", "admin targets edit"), nastyText(60)).map((p) => p.join(" ")),
    );
    const messages = fc.tuple(from, text, fc.constantFrom<"channel" | "personal">("channel", "personal")).map(([person, t, scope]) => message(person, [t], { ...where, scope }));
    const clicks = fc
      .tuple(from, fc.oneof(fc.constantFrom(...VERBS), nastyText(20)), fc.dictionary(nastyText(12), nastyValue, { maxKeys: 5 }), fc.constantFrom<"channel" | "personal">("channel", "personal"))
      .map(([person, verb, data, scope]) => cardAction(person, verb as string, data, { ...where, scope }));
    const others = fc.record({
      type: fc.oneof(fc.constantFrom("conversationUpdate", "installationUpdate", "invoke", "messageReaction", "event", "typing", "endOfConversation"), nastyText(12)),
      name: fc.oneof(fc.constantFrom("adaptiveCard/action", "composeExtension/fetchTask", "composeExtension/submitAction", "task/fetch", "signin/verifyState"), nastyText(20)),
      action: fc.constantFrom("add", "remove", "x"),
      id: fc.string({ maxLength: 12 }),
      channelId: fc.constant("msteams"),
      serviceUrl: fc.constant(fuzzed.connector.url),
      from,
      recipient: fc.constant(BOT),
      conversation: fc.record({
        id: fc.oneof(fc.constantFrom(GENERAL, "a:personal-29:ana", "19:group@thread.v2"), nastyText(20)),
        conversationType: fc.oneof(fc.constantFrom("channel", "personal", "groupChat"), nastyText(8)),
        tenantId: fc.constant(TENANT_ID),
      }),
      channelData: fc.oneof(fc.constant({ tenant: { id: TENANT_ID }, team: { id: GENERAL, name: "Support" } }), nastyValue),
      membersAdded: fc.array(fc.record({ id: fc.oneof(fc.constantFrom(BOT.id, "29:ana", "29:eve"), nastyText(8)) }), { maxLength: 3 }),
      membersRemoved: fc.array(fc.record({ id: fc.oneof(fc.constantFrom(BOT.id, "29:dee"), nastyText(8)) }), { maxLength: 2 }),
      value: nastyValue,
      text: nastyText(),
      locale: fc.oneof(fc.constantFrom("en-US", "zh-CN", "de"), nastyText(10)),
    });
    const activity = fc.oneof(messages, clicks, others, fc.oneof(messages, clicks, others).chain((a) => mutated(a)));
    await fuzz(
      fc.oneof(
        activity.map((a) => JSON.stringify(a) ?? "null"),
        randomBody,
      ).map((body) => ({ route: "teams", path: "/api/messages", body, headers: { "content-type": "application/json" } })),
    );
  });
  it("helpdesk webhooks, correctly signed: random and mutated deliveries", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const bases = {
      zendesk: [JSON.parse(fixture("zendesk-ticket-status-changed.json")) as unknown, JSON.parse(fixture("zendesk-trigger-rated.json")) as unknown],
      intercom: [JSON.parse(fixture("intercom-conversation-admin-closed.json")) as unknown],
      freshdesk: [JSON.parse(fixture("freshdesk-ticket-resolved.json")) as unknown],
    };
    const delivery = fc.constantFrom("zendesk", "intercom", "freshdesk").chain((provider) =>
      fc
        .oneof(fc.constantFrom(...bases[provider as keyof typeof bases]).chain((b) => mutated(b)).map((v) => Buffer.from(JSON.stringify(v) ?? "null")), randomBody)
        .map((body) => ({ provider, body })),
    );
    await fuzz(
      delivery.map(({ provider, body }) => {
        const secret = SECRETS[provider as keyof typeof SECRETS];
        const text = body.toString("utf8");
        const headers =
          provider === "zendesk" ? zendeskHeaders(secret, text, new Date().toISOString()) : provider === "intercom" ? intercomHeaders(secret, text) : freshdeskHeaders(secret);
        return { route: `webhook ${provider}`, path: `/webhooks/${provider}?workspace=${fuzzed.workspaceId}`, body: text, headers };
      }),
    );
  });
  it("health, readiness, metrics, charts, OAuth paths and unknown routes: random methods, paths and queries", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const paths = fc.constantFrom("/healthz", "/readyz", "/metrics", "/charts/", "/charts/00000000-0000-0000-0000-000000000000.png", "/slack/install", "/slack/oauth_redirect", "/admin/queues", "/api/", "/webhooks/", "/", "/slack/");
    const path = fc.tuple(paths, fc.oneof(fc.constant(""), nastyText(30).map((t) => pct(t)), fc.string({ maxLength: 20 })), fc.oneof(fc.constant(""), nastyText(40).map((t) => `?${pct(t)}=${pct(t)}`), fc.constant("?code=x&state=y"), fc.constant("?workspace=not-a-uuid"))).map(([p, s, q]) => `${p}${s}${q}`);
    await fuzz(
      fc.tuple(fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"), path, randomBody).map(([method, p, body]) => ({ route: "other", method, path: p, body })),
    );
  });

  itKeepsMemoryBounded();
});
