import { describe, expect, it } from "vitest";
import { parseApiTokenCommand, parseHelpdeskCommand, parseTargetsCommand } from "../../src/core/kpi/kpi-admin-command.ts";
import { KpiRecordInput, shapeRecord } from "../../src/core/kpi/kpi-ingest.ts";
import { parseScorecardCommand } from "../../src/core/kpi/scorecard-command.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";

const parseScorecardText = (text: string) => parseScorecardCommand(slackCommandTokens(text));
const parseTargets = (text: string) => parseTargetsCommand(slackCommandTokens(text));
const parseHelpdesk = (text: string) => parseHelpdeskCommand(slackCommandTokens(text));
const parseApiToken = (text: string) => parseApiTokenCommand(slackCommandTokens(text));

describe("/scorecard arguments", () => {
  it("takes an optional person and an optional period in any order", () => {
    expect(parseScorecardText("")).toEqual({ ok: true, command: { subject: null, period: { kind: "week" } } });
    expect(parseScorecardText("quarter <@UANA|ana>")).toEqual({
      ok: true,
      command: { subject: { kind: "id", id: "UANA" }, period: { kind: "quarter" } },
    });
    expect(parseScorecardText("@bo 2026-w47")).toMatchObject({ ok: true, command: { period: { key: "2026-W47" } } });
    expect(parseScorecardText("2026-q4")).toMatchObject({ ok: true, command: { period: { key: "2026-Q4" } } });
  });

  it("refuses two people, two periods and unknown words, never throwing", () => {
    expect(parseScorecardText("@ana @bo").ok).toBe(false);
    expect(parseScorecardText("week month").ok).toBe(false);
    const bad = parseScorecardText("yesterday");
    expect(bad.ok ? "" : bad.error.code).toBe("unknown_argument");
  });
});

describe("/spur KPI administration", () => {
  it("parses targets with weight, period and minimum volume", () => {
    expect(parseTargets("targets set CSAT 92.5% weight 2 period quarter min 10")).toEqual({
      ok: true,
      command: { kind: "targets_set", metric: "csat", target: 92.5, weight: 2, period: "quarter", minVolume: 10 },
    });
    expect(parseTargets("targets")).toEqual({ ok: true, command: { kind: "targets_list" } });
    expect(parseTargets("targets set csat 90 weight").ok).toBe(false);
    expect(parseTargets("targets set csat -1").ok).toBe(false);
    expect(parseTargets("targets set csat 190")).toMatchObject({ ok: false, error: { code: "unknown_argument" } });
    expect(parseTargets("targets remove csat")).toEqual({ ok: true, command: { kind: "targets_remove", metric: "csat" } });
    expect(parseTargets("targets remove speed").ok).toBe(false);
  });

  it("parses helpdesk secrets, agent mappings and shoutouts", () => {
    expect(parseHelpdesk("helpdesk Intercom s3cr3t-value")).toEqual({
      ok: true,
      command: { kind: "helpdesk_secret", provider: "intercom", secret: "s3cr3t-value" },
    });
    expect(parseHelpdesk("helpdesk zendesk agent 42 <@UANA>")).toMatchObject({ ok: true, command: { kind: "helpdesk_agent", externalId: "42" } });
    expect(parseHelpdesk("helpdesk zendesk short").ok).toBe(false);
    expect(parseHelpdesk("helpdesk shoutouts on")).toEqual({ ok: true, command: { kind: "customer_shoutouts", on: true } });
  });

  it("parses API token names, the list and a revocation by prefix", () => {
    expect(parseApiToken("api-token nightly export")).toEqual({ ok: true, command: { kind: "api_token", name: "nightly export" } });
    expect(parseApiToken("api-tokens")).toEqual({ ok: true, command: { kind: "api_token_list" } });
    expect(parseApiToken("api-tokens all").ok).toBe(false);
    expect(parseApiToken("api-token revoke spur_ab3De")).toEqual({ ok: true, command: { kind: "api_token_revoke", prefix: "spur_ab3De" } });
    expect(parseApiToken("api-token revoke nope").ok).toBe(false);
    expect(parseApiToken("api-token").ok).toBe(false);
  });
});

describe("KPI record rules", () => {
  const shape = (raw: unknown) => {
    const parsed = KpiRecordInput.safeParse(raw);
    return parsed.success ? shapeRecord(parsed.data, "api") : "invalid";
  };

  it("derives a ratio's value from numerator and denominator", () => {
    expect(shape({ member_id: "6f1e2d3c-4b5a-4c6d-8e7f-8091a2b3c4d5", metric: "fcr", date: "2026-11-02", numerator: 3, denominator: 4 })).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
      source: "api",
      ref: "",
    });
  });

  it("rejects what cannot be aggregated correctly", () => {
    const base = { member_email: "ana@example.com", date: "2026-11-02" };
    expect(shape({ ...base, metric: "csat", value: 90 })).toContain("is a ratio");
    expect(shape({ ...base, metric: "csat", numerator: 5, denominator: 4 })).toContain("numerator must be ≤ denominator");
    expect(shape({ ...base, metric: "qa_score", value: 120 })).toBe("qa_score is 0–100");
    expect(shape({ ...base, metric: "kudos_received", value: 3 })).toContain("computed by Spur");
    expect(shape({ ...base, metric: "first_response_time" })).toBe("metric first_response_time needs a value");
    expect(shape({ ...base, member_id: "6f1e2d3c-4b5a-4c6d-8e7f-8091a2b3c4d5", metric: "qa_score", value: 1 })).toBe("invalid");
  });
});
