// Property-based fuzz of the HTTP routes, part slack-commands: Slack slash commands.
// Random bytes, unicode (NUL, lone surrogates) and oversized bodies, correctly signed or authenticated so they get
// past the door: Spur must answer every one below 500, stay up, and keep its memory bounded. FUZZ_RUNS sets the
// cases per property. The route families are split across files (http-routes-*.test.ts) so they run in parallel.
import fc from "fast-check";
import { describe, it } from "vitest";
import { FUZZ_RUNS, fuzzTimeout, nastyText } from "../support/fuzz.ts";
import { fuzz, fuzzed, itKeepsMemoryBounded, SLACK_USER_IDS, slackSigned, useFuzzedSpur } from "../support/http-fuzz.ts";
import { TEAM_ID } from "../support/spur-harness.ts";
import { USERS } from "../support/users.ts";

useFuzzedSpur();

describe(`fuzz: Slack slash-command routes answer below 500 (${FUZZ_RUNS} cases each)`, () => {
  it("Slack slash commands: signed forms with random text and fields", { timeout: fuzzTimeout(FUZZ_RUNS) }, async () => {
    const form = fc.record(
      {
        command: fc.oneof(fc.constantFrom("/kudos", "/scorecard", "/leaderboard", "/feedback", "/spur"), nastyText(12)),
        text: fc.oneof(
          nastyText(),
          fc.tuple(fc.constantFrom("", "help", "balance", "history", "settings", "role", "timezone", "digest", "revoke", "forget", "export", "request", "report", "threshold", "targets", "helpdesk", "api-token", "week", "2026-Q4", "9999-Q4", "0000-01"), nastyText(60), fc.constantFrom("", `<@${USERS.ana.id}|ana>`, `<@${USERS.bot.id}>`, "<#CGENERAL|general>", "3", "#ownership")).map((parts) => parts.join(" ")),
        ),
        user_id: fc.oneof(fc.constantFrom(...SLACK_USER_IDS), nastyText(12)),
        team_id: fc.oneof(fc.constant(TEAM_ID), nastyText(12)),
        channel_id: fc.oneof(fc.constantFrom("CGENERAL", "D123", "GPRIVATE"), nastyText(12)),
        trigger_id: fc.string({ maxLength: 30 }),
        response_url: fc.oneof(fc.constant(fuzzed.h.slack.responseUrl("fuzz")), nastyText(30)),
        api_app_id: fc.constant("ASPUR"),
        token: fc.constant("legacy-verification-token"),
      },
      { requiredKeys: ["command"] },
    );
    await fuzz(
      form.map((fields) => {
        const body = new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
        return { route: "slack command", path: "/slack/events", body, headers: slackSigned(body, "application/x-www-form-urlencoded") };
      }),
    );
  });

  itKeepsMemoryBounded();
});
