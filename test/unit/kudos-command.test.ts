import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/core/shared/errors.ts";
import { type GiveKudosText, type KudosRules, parseKudosCommand } from "../../src/core/recognition/kudos-command.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";

/** Slack command text, tokenised as the Slack adapter does, then parsed by the core. */
const parseKudosText = (text: string, rules?: KudosRules) => parseKudosCommand(slackCommandTokens(text), rules);

function give(text: string): GiveKudosText {
  const r = parseKudosText(text);
  if (!r.ok) throw new Error(`expected a command, got ${r.error.code}: ${r.error.userMessage}`);
  if (r.command.kind !== "give") throw new Error(`expected give, got ${r.command.kind}`);
  return r.command;
}

function errorCode(text: string) {
  const r = parseKudosText(text);
  return r.ok ? null : r.error.code;
}

describe("parseKudosText", () => {
  it("reads Slack-escaped mentions, points, reason and value tags", () => {
    expect(give("<@U123|ana> <@U456|bo> 3 saved the Acme renewal #ownership")).toEqual({
      kind: "give",
      recipients: [
        { kind: "id", id: "U123" },
        { kind: "id", id: "U456" },
      ],
      points: 3,
      reason: "saved the Acme renewal",
      values: ["ownership"],
    });
  });

  it("defaults to one point and accepts mentions without a label, and enterprise W ids", () => {
    const c = give("<@U123> <@W999> thanks!");
    expect(c.points).toBe(1);
    expect(c.recipients).toEqual([
      { kind: "id", id: "U123" },
      { kind: "id", id: "W999" },
    ]);
    expect(c.reason).toBe("thanks!");
  });

  it("accepts bare @handles (lower-cased), list punctuation and joiners between mentions", () => {
    const c = give("@Ana, @bo and <@U7|cy> 2pts for the migration");
    expect(c.recipients).toEqual([
      { kind: "handle", handle: "ana" },
      { kind: "handle", handle: "bo" },
      { kind: "id", id: "U7" },
    ]);
    expect(c.points).toBe(2);
    expect(c.reason).toBe("for the migration");
  });

  it("collapses a person named twice", () => {
    expect(give("<@U1|a> <@U1> great call").recipients).toEqual([{ kind: "id", id: "U1" }]);
  });

  it("collects value tags anywhere, de-duplicated and lower-cased, including Slack's channel escapes", () => {
    const c = give("<@U1> #Empathy calmed a customer #ownership, <#C42|teamwork> #empathy");
    expect(c.values).toEqual(["empathy", "ownership", "teamwork"]);
    expect(c.reason).toBe("calmed a customer");
  });

  it("keeps mentions after the reason starts as part of the reason, and unescapes entities", () => {
    const c = give("<@U1> helped <@U2> &amp; me with &lt;tricky&gt; tickets");
    expect(c.recipients).toEqual([{ kind: "id", id: "U1" }]);
    expect(c.reason).toBe("helped <@U2> & me with <tricky> tickets");
  });

  it("treats a number later in the text as reason, not points", () => {
    const c = give("<@U1> closed 40 tickets");
    expect(c.points).toBe(1);
    expect(c.reason).toBe("closed 40 tickets");
  });

  it("answers help for empty text or 'help'", () => {
    expect(parseKudosText("")).toEqual({ ok: true, command: { kind: "help" } });
    expect(parseKudosText("  HELP ")).toEqual({ ok: true, command: { kind: "help" } });
  });

  it.each([
    ["great work everyone", ErrorCode.NoRecipients],
    ["<@U1>", ErrorCode.MissingReason],
    ["<@U1> 3", ErrorCode.MissingReason],
    ["<@U1> 3 #ownership", ErrorCode.MissingReason],
    ["<@U1> 0 nothing", ErrorCode.InvalidPoints],
    ["<@U1> -2 nope", ErrorCode.InvalidPoints],
    ["<@U1> 6 too many", ErrorCode.InvalidPoints],
    [`<@U1> ${"x".repeat(501)}`, ErrorCode.ReasonTooLong],
    [Array.from({ length: 11 }, (_, i) => `<@U${i}>`).join(" ") + " team effort", ErrorCode.TooManyRecipients],
  ])("refuses %j with %s", (text, code) => {
    expect(errorCode(text)).toBe(code);
  });

  it("names the allowed range in the points error", () => {
    const r = parseKudosText("<@U1> 9 legend", { maxPointsPerGift: 3, maxRecipients: 10, maxReasonLength: 500 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.userMessage).toContain("from 1 to 3 (you wrote 9)");
  });
});
