import { describe, expect, it } from "vitest";
import { parseDataRightsCommand } from "../../src/core/data-rights/data-rights-command.ts";
import { feedbackMonths, resolveExportPeriod } from "../../src/core/data-rights/data-export.ts";
import { csvField, feedbackRecords, jsonChunks } from "../../src/core/data-rights/data-export-format.ts";
import { ErrorCode } from "../../src/core/shared/errors.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";
import { periodByKey } from "../../src/core/shared/review-period.ts";

describe("parseDataRightsCommand", () => {
  it("leaves other /spur text to the other parsers", () => {
    expect(parseDataRightsCommand(slackCommandTokens("status"))).toBeNull();
    expect(parseDataRightsCommand(slackCommandTokens(""))).toBeNull();
  });

  it("reads export periods and formats in any order, defaulting to last month as CSV", () => {
    expect(parseDataRightsCommand(slackCommandTokens("export"))).toEqual({ ok: true, command: { kind: "export", period: { kind: "last", period: "month" }, format: "csv" } });
    expect(parseDataRightsCommand(slackCommandTokens("export json 2026-w47"))).toEqual({ ok: true, command: { kind: "export", period: { kind: "key", key: "2026-W47" }, format: "json" } });
    expect(parseDataRightsCommand(slackCommandTokens("EXPORT quarter"))).toMatchObject({ ok: true, command: { period: { kind: "last", period: "quarter" } } });
  });

  it.each(["export 2026-13", "export csv json", "export week month", "export everything", "forget", "forget bob", "forget <@U1> now", "forget <@U1> confirm extra"])(
    "explains what is wrong with %j",
    (text) => {
      const r = parseDataRightsCommand(slackCommandTokens(text));
      expect(r?.ok).toBe(false);
      if (r && !r.ok) expect(r.error.code).toBe(ErrorCode.UnknownArgument);
    },
  );

  it("reads forget with an optional confirm", () => {
    expect(parseDataRightsCommand(slackCommandTokens("forget <@U1|ana>"))).toEqual({ ok: true, command: { kind: "forget", target: { kind: "id", id: "U1" }, confirmed: false } });
    expect(parseDataRightsCommand(slackCommandTokens("forget @ana Confirm"))).toEqual({ ok: true, command: { kind: "forget", target: { kind: "handle", handle: "ana" }, confirmed: true } });
  });
});

describe("export periods", () => {
  const now = new Date("2026-11-18T12:00:00Z");
  it("takes the last complete week, month or quarter in the team's time zone", () => {
    expect(resolveExportPeriod({ kind: "last", period: "week" }, now, "Europe/Berlin").key).toBe("2026-W46");
    expect(resolveExportPeriod({ kind: "last", period: "month" }, now, "UTC").key).toBe("2026-10");
    expect(resolveExportPeriod({ kind: "last", period: "quarter" }, now, "UTC").key).toBe("2026-Q3");
    expect(() => resolveExportPeriod({ kind: "key", key: "2026-W60" }, now, "UTC")).toThrow(/not a week, month or quarter/);
  });

  it("covers feedback months overlapping the period", () => {
    expect(feedbackMonths(periodByKey("2026-Q4", "UTC")!)).toEqual(["2026-10", "2026-11", "2026-12"]);
    // 2026-W49 runs from 30 November to 6 December.
    expect(feedbackMonths(periodByKey("2026-W49", "UTC")!)).toEqual(["2026-11", "2026-12"]);
    expect(feedbackMonths(periodByKey("2026-11", "UTC")!)).toEqual(["2026-11"]);
  });
});

describe("export formatting", () => {
  it("quotes CSV fields when needed and defuses spreadsheet formulas", () => {
    expect(csvField('said "thanks", twice')).toBe('"said ""thanks"", twice"');
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
  });

  it("leaves anonymous ratings out of feedback aggregates below the threshold", () => {
    const dims = (sum: number, count: number) => [{ key: "helpfulness", label: "Helpfulness", sum, count }];
    const subject = { memberName: "Ana", memberUserId: "U1", team: "Support", periodKey: "2026-11" };
    const below = feedbackRecords({ ...subject, stats: { named: { answers: 1, dimensions: dims(4, 1) }, anonymous: { answers: 2, dimensions: dims(2, 2) } } }, 3);
    expect(below).toEqual([expect.objectContaining({ mean: 4, ratings: 1, answers: 1, anonymous_included: false })]);
    const met = feedbackRecords({ ...subject, stats: { named: { answers: 0, dimensions: [] }, anonymous: { answers: 3, dimensions: dims(12, 3) } } }, 3);
    expect(met).toEqual([expect.objectContaining({ mean: 4, answers: 3, anonymous_included: true })]);
    expect(feedbackRecords({ ...subject, stats: { named: { answers: 0, dimensions: [] }, anonymous: { answers: 2, dimensions: dims(8, 2) } } }, 2)).toEqual([]);
  });

  it("streams a valid JSON document, empty arrays included", async () => {
    async function* rows() {
      yield { a: 1 };
      yield { a: 2 };
    }
    async function* none() {}
    let text = "";
    for await (const chunk of jsonChunks({ period: "2026-11" }, [["kudos", rows()], ["kpiRecords", none()]])) text += chunk;
    expect(JSON.parse(text)).toEqual({ period: "2026-11", kudos: [{ a: 1 }, { a: 2 }], kpiRecords: [] });
  });
});
