// Property-based fuzz of the HTTP routes, part slack-events: Slack events: raw bodies of any content type and event callbacks.
// Random bytes, unicode (NUL, lone surrogates) and oversized bodies, correctly signed or authenticated so they get
// past the door: Spur must answer every one below 500, stay up, and keep its memory bounded. FUZZ_RUNS sets the
// cases per property. The route families are split across files (http-routes-*.test.ts) so they run in parallel.
import fc from "fast-check";
import { describe, it } from "vitest";
import { FUZZ_RUNS, fuzzTimeout, mutated, nastyText, nastyValue, randomBody } from "../support/fuzz.ts";
import { contentTypes, fuzz, itKeepsMemoryBounded, SLACK_USER_IDS, slackSigned, useFuzzedSpur } from "../support/http-fuzz.ts";
import { TEAM_ID } from "../support/spur-harness.ts";

useFuzzedSpur();

describe(`fuzz: Slack events routes answer below 500 (${FUZZ_RUNS} cases each)`, () => {
  it("Slack /slack/events: signed random bodies of any content type", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    await fuzz(fc.tuple(randomBody, contentTypes).map(([body, type]) => ({ route: "slack raw", path: "/slack/events", body, headers: slackSigned(body, type) })));
  });
  it("Slack events: signed event callbacks with random events", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const event = fc.record(
      {
        type: fc.oneof(fc.constantFrom("reaction_added", "reaction_removed", "team_join", "user_change", "app_uninstalled", "tokens_revoked", "message", "app_mention"), nastyText(20)),
        user: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyValue),
        reaction: fc.oneof(fc.constantFrom("star", "tada", "+1"), nastyText(30)),
        item_user: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyValue),
        item: fc.oneof(fc.record({ type: fc.constant("message"), channel: fc.constantFrom("CGENERAL", "GPRIVATE", "D123"), ts: fc.constantFrom("1700000000.000100", "x") }), nastyValue),
        event_ts: fc.constantFrom("1700000000.000200", ""),
        text: nastyText(),
        channel_type: fc.constantFrom("channel", "group", "im", "mpim"),
      },
      { requiredKeys: ["type"] },
    );
    const envelope = fc.record({
      token: fc.constant("legacy-verification-token"),
      team_id: fc.oneof(fc.constant(TEAM_ID), nastyText(12)),
      api_app_id: fc.constant("ASPUR"),
      type: fc.oneof(fc.constant("event_callback"), fc.constant("url_verification"), nastyText(12)),
      challenge: nastyText(40),
      event_id: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `Ev${s}`),
      event_time: fc.integer(),
      authorizations: fc.constant([{ team_id: TEAM_ID, user_id: "USPURBOT", is_bot: true }]),
      event,
    });
    await fuzz(
      fc.oneof(envelope, envelope.chain((e) => mutated(e))).map((e) => {
        const body = JSON.stringify(e) ?? "null";
        return { route: "slack event", path: "/slack/events", body, headers: slackSigned(body, "application/json") };
      }),
    );
  });

  itKeepsMemoryBounded();
});
