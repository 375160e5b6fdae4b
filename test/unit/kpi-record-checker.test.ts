// The bulk import's field-by-field checker must judge every record exactly as the API's whole-record schema
// does: the same records accepted, shaped the same, and the same reasons for the refused ones.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateKpiRecord } from "../../src/core/kpi/kpi-ingest.ts";
import { KpiRecordChecker } from "../../src/core/kpi/kpi-record-checker.ts";

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const text = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 12 }));
const number = fc.oneof(
  fc.constantFrom(0, 1, 4, 5, 100, 101, -1, 1e12, 1e12 + 1, -1e12, -1e12 - 1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.double(),
);

const record = fc.record(
  {
    member_email: optional(text(["ana@example.com", " ANA@Example.com ", "not-an-email", "a@b", ""])),
    member_id: optional(text(["7f000000-0000-4000-8000-000000000001", "7f000000-0000-4000-8000-00000000000", "nope"])),
    helpdesk_agent: optional(text(["zendesk:3812", "zendesk:", "Zendesk:1", "zendesk:a b", " intercom:77 "])),
    metric: text(["csat", "csat_score", "qa_score", "fcr", "first_response_time", "kudos_received", "peer_feedback", "happiness"]),
    date: text(["2026-11-17", "2026-02-30", "0000-01-01", "2026-1-1", "3000-01-01", "1970-01-01"]),
    value: optional(number),
    numerator: optional(number),
    denominator: optional(number),
    source: optional(text(["csv", "zendesk.v2", "bad source", "x".repeat(41)])),
    ref: optional(text(["T-1", "x".repeat(200), "x".repeat(201), "nul\u0000", "half \ud83d", "tab\tok"])),
  },
  { requiredKeys: ["metric", "date"] },
);

/** A record as the CSV reader builds it: only the fields present. */
function present(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
}

describe("KpiRecordChecker", () => {
  it("judges every record as validateKpiRecord does, with one checker remembering across records", () => {
    const checker = new KpiRecordChecker("csv");
    fc.assert(
      fc.property(record, fc.nat(100_000), (raw, line) => {
        const r = present(raw);
        expect(checker.check(r, line)).toEqual(validateKpiRecord(r, line, "csv"));
      }),
      { numRuns: 5000 },
    );
  });

  it("accepts a good record as the schema shapes it, and refuses a bad one with the schema's reason", () => {
    const checker = new KpiRecordChecker("csv");
    expect(checker.check({ member_email: "ANA@example.com", metric: "csat", date: "2026-11-17", numerator: 3, denominator: 4 }, 2)).toEqual({
      index: 2,
      record: { member: { email: "ana@example.com" }, metric: "csat", date: "2026-11-17", value: 75, numerator: 3, denominator: 4, source: "csv", ref: "" },
    });
    expect(checker.check({ helpdesk_agent: "zendesk:3812", metric: "qa_score", date: "2026-11-17", value: 80 }, 3)).toMatchObject({
      record: { member: { helpdesk: "zendesk", agentId: "3812" } },
    });
    expect(checker.check({ member_email: "ana@example.com", metric: "qa_score", date: "2026-02-30", value: 80 }, 4)).toEqual({
      index: 4,
      reason: "date is not a calendar date",
    });
  });
});
