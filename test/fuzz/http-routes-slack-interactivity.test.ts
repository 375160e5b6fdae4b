// Property-based fuzz of the HTTP routes, part slack-interactivity: Slack interactivity: block actions, view submissions and shortcuts.
// Random bytes, unicode (NUL, lone surrogates) and oversized bodies, correctly signed or authenticated so they get
// past the door: Spur must answer every one below 500, stay up, and keep its memory bounded. FUZZ_RUNS sets the
// cases per property. The route families are split across files (http-routes-*.test.ts) so they run in parallel.
import fc from "fast-check";
import { describe, it } from "vitest";
import { FUZZ_RUNS, fuzzTimeout, mutated, nastyText, nastyValue } from "../support/fuzz.ts";
import { fuzz, fuzzed, itKeepsMemoryBounded, SLACK_ACTIONS, SLACK_CALLBACKS, SLACK_USER_IDS, slackSigned, useFuzzedSpur } from "../support/http-fuzz.ts";
import { TEAM_ID } from "../support/spur-harness.ts";

useFuzzedSpur();

describe(`fuzz: Slack interactivity routes answer below 500 (${FUZZ_RUNS} cases each)`, () => {
  it("Slack interactivity: signed block actions, view submissions and shortcuts with random values", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const user = fc.record({ id: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyText(10)), team_id: fc.constant(TEAM_ID) });
    const state = fc.dictionary(nastyText(20), fc.dictionary(fc.oneof(fc.constant("value"), nastyText(10)), nastyValue, { maxKeys: 3 }), { maxKeys: 4 });
    const payload = fc.record(
      {
        type: fc.oneof(fc.constantFrom("block_actions", "view_submission", "view_closed", "message_action", "shortcut", "block_suggestion"), nastyText(15)),
        team: fc.constant({ id: TEAM_ID, domain: "spur-test" }),
        user,
        api_app_id: fc.constant("ASPUR"),
        token: fc.constant("legacy-verification-token"),
        trigger_id: fc.string({ maxLength: 20 }),
        callback_id: fc.oneof(fc.constant("give_kudos_for_message"), nastyText(20)),
        response_url: fc.constant(fuzzed.h.slack.responseUrl("fuzz")),
        channel: fc.oneof(fc.record({ id: fc.constantFrom("CGENERAL", "GPRIVATE", "D1") }), nastyValue),
        message: fc.oneof(fc.record({ user: fc.constantFrom(...SLACK_USER_IDS), text: nastyText(), ts: fc.constant("1700000000.000100") }), nastyValue),
        actions: fc.array(
          fc.record({ type: fc.constantFrom("button", "static_select", "users_select"), action_id: fc.oneof(fc.constantFrom(...SLACK_ACTIONS), nastyText(20)), block_id: nastyText(10), value: fc.oneof(nastyText(), nastyValue.map((v) => JSON.stringify(v) ?? "")) }),
          { maxLength: 2 },
        ),
        view: fc.record({
          id: fc.constant("VFUZZ"),
          type: fc.constant("modal"),
          callback_id: fc.oneof(fc.constantFrom(...SLACK_CALLBACKS), nastyText(20)),
          private_metadata: fc.oneof(nastyText(), nastyValue.map((v) => JSON.stringify(v) ?? "")),
          state: fc.record({ values: state }),
          team_id: fc.constant(TEAM_ID),
          hash: fc.constant("1.a"),
        }),
      },
      { requiredKeys: ["type", "user", "team"] },
    );
    await fuzz(
      fc.oneof(payload, payload.chain((p) => mutated(p)), nastyText().map((raw) => ({ raw }))).map((p) => {
        const raw = typeof p === "object" && p !== null && "raw" in p ? String((p as { raw: string }).raw) : (JSON.stringify(p) ?? "null");
        const body = new URLSearchParams({ payload: raw }).toString();
        return { route: "slack interaction", path: "/slack/events", body, headers: slackSigned(body, "application/x-www-form-urlencoded") };
      }),
    );
  });

  itKeepsMemoryBounded();
});
