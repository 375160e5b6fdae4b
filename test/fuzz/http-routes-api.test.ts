// Property-based fuzz of the HTTP routes, part api: the KPI API and CSV import, and oversized bodies on every route.
// Random bytes, unicode (NUL, lone surrogates) and oversized bodies, correctly signed or authenticated so they get
// past the door: Spur must answer every one below 500, stay up, and keep its memory bounded. FUZZ_RUNS sets the
// cases per property. The route families are split across files (http-routes-*.test.ts) so they run in parallel.
import fc from "fast-check";
import { describe, it } from "vitest";
import { FUZZ_RUNS, fuzzTimeout, nastyText, nastyValue, OVERSIZED_RUNS, randomBody } from "../support/fuzz.ts";
import { fuzz, fuzzed, itKeepsMemoryBounded, slackSigned, useFuzzedSpur } from "../support/http-fuzz.ts";

useFuzzedSpur();

describe(`fuzz: KPI API, CSV import and oversized-body routes answer below 500 (${FUZZ_RUNS} cases each)`, () => {
  it("KPI API and CSV import with a valid token: random records, CSV text and bytes", { timeout: fuzzTimeout(FUZZ_RUNS * 2) }, async () => {
    const auth = { authorization: `Bearer ${fuzzed.apiToken}`, "content-type": "application/json" };
    const record = fc.record({
      member_email: fc.oneof(fc.constant("ana@example.com"), nastyText(30)),
      metric: fc.oneof(fc.constantFrom("csat", "first_response_minutes", "tickets_solved", "resolution_hours"), nastyText(20)),
      date: fc.oneof(fc.constantFrom("2026-11-30", "0000-01-01", "9999-12-31", "2026-02-30"), nastyText(12)),
      value: fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, "1e308", "NaN", "Infinity"), nastyValue),
      numerator: fc.oneof(fc.double(), nastyValue),
      denominator: fc.oneof(fc.double(), nastyValue),
      source: nastyText(20),
      ref: nastyText(40),
    }, { requiredKeys: [] });
    const batch = fc.oneof(fc.record({ records: fc.array(record, { maxLength: 20 }) }), nastyValue);
    await fuzz(
      fc.oneof(batch.map((b) => Buffer.from(JSON.stringify(b) ?? "null")), randomBody).map((body) => ({ route: "kpi api", path: "/api/kpis", body, headers: auth })),
    );
    const header = fc.oneof(fc.constant("member_email,metric,date,value"), fc.constant("member_email,metric,date,numerator,denominator,source,ref"), nastyText(60));
    const field = fc.oneof(fc.constantFrom("ana@example.com", "csat", "2026-11-30", "4.5", "1e308", "-0", '"quoted, field"', '"unterminated', ""), nastyText(30));
    const row = fc.array(field, { maxLength: 8 }).map((fields) => fields.join(","));
    const csv = fc.tuple(header, fc.array(row, { maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r")).map(([h0, rows, eol]) => [h0, ...rows].join(eol));
    await fuzz(
      fc.oneof(csv.map((c) => Buffer.from(c, "utf8")), randomBody).map((body) => ({ route: "csv import", path: "/api/kpis/csv", body, headers: { authorization: `Bearer ${fuzzed.apiToken}`, "content-type": "text/csv" } })),
    );
  });
  it("oversized bodies on every route get a 4xx, not a crash", { timeout: fuzzTimeout(OVERSIZED_RUNS * 60) }, async () => {
    const routes = ["/slack/events", "/api/messages", "/api/kpis", "/api/kpis/csv", `/webhooks/zendesk?workspace=${fuzzed.workspaceId}`, `/webhooks/intercom?workspace=${fuzzed.workspaceId}`, "/healthz", "/charts/x.png", "/slack/oauth_redirect"];
    const oversized = fc.tuple(fc.constantFrom(...routes), fc.integer({ min: 1, max: 24 }), fc.constantFrom("a", "[", "{\"records\":[", "😀", "\u0000")).map(([path, megabytes, unit]) => {
      const body = Buffer.from(unit.repeat(Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(unit))));
      const headers = path.startsWith("/slack/") ? slackSigned(body, "application/json") : path.startsWith("/api/kpis") ? { authorization: `Bearer ${fuzzed.apiToken}` } : {};
      return { route: `oversized ${path}`, path, body, headers: { ...headers, "content-type": "application/json" } };
    });
    await fuzz(oversized, OVERSIZED_RUNS * routes.length, 2);
  });

  itKeepsMemoryBounded();
});
