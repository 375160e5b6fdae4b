// Property-based tests: whatever people type, the command parsers answer with a valid command or a specific
// SpurError — never an exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCode, SpurError } from "../../src/core/shared/errors.ts";
import { DEFAULT_KUDOS_RULES, type KudosRules, parseKudosCommand } from "../../src/core/recognition/kudos-command.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";

/** Slack command text, tokenised as the Slack adapter does, then parsed by the core. */
const parseKudosText = (text: string, rules?: KudosRules) => parseKudosCommand(slackCommandTokens(text), rules);
import { parseLeaderboardCommand } from "../../src/core/recognition/leaderboard.ts";
import { parseRecognitionAdmin } from "../../src/core/recognition/recognition-admin.ts";

const CODES = new Set<string>(Object.values(ErrorCode));

// Pieces people (and Slack's escaping) actually put into /kudos text, mixed with arbitrary strings.
const piece = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("<@U123ABC|ana>", "<@W9ZZ>", "<@U1>,", "@bo", "@", "and", "&amp;", "+", "help", "balance", "history"),
  fc.constantFrom("#ownership", "#Empathy!", "<#C123|craft>", "#", "##", "3", "0", "-2", "+4pts", "999999", "5points", "1.5"),
  fc.constantFrom("&lt;", "&gt;", "<", ">", "<>", "<<@U1>>", "\n", "\t", "\u0000", "\u200b", "🎉", "e\u0301"),
  fc.integer({ min: -10, max: 1_000_000 }).map(String),
);
const commandText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(" "));

function expectSpecificError(error: SpurError) {
  expect(error).toBeInstanceOf(SpurError);
  expect(CODES.has(error.code)).toBe(true);
  expect(error.userMessage.length).toBeGreaterThan(0);
}

describe("parseKudosText (property-based)", () => {
  it("never throws on any string, and returns a valid command or a specific error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 4000 }), fc.string({ unit: "binary", maxLength: 500 }), commandText), (text) => {
        const result = parseKudosText(text);
        if (!result.ok) return expectSpecificError(result.error);
        const command = result.command;
        if (command.kind !== "give") return;
        expect(command.recipients.length).toBeGreaterThanOrEqual(1);
        expect(command.recipients.length).toBeLessThanOrEqual(DEFAULT_KUDOS_RULES.maxRecipients);
        expect(Number.isInteger(command.points)).toBe(true);
        expect(command.points).toBeGreaterThanOrEqual(1);
        expect(command.points).toBeLessThanOrEqual(DEFAULT_KUDOS_RULES.maxPointsPerGift);
        expect(command.reason.trim()).toBe(command.reason);
        expect(command.reason.length).toBeGreaterThan(0);
        expect(command.reason.length).toBeLessThanOrEqual(DEFAULT_KUDOS_RULES.maxReasonLength);
        for (const v of command.values) expect(v).toBe(v.toLowerCase());
        expect(new Set(command.values).size).toBe(command.values.length);
      }),
      { numRuns: 2000 },
    );
  });

  it("respects any workspace's rules", () => {
    const rules = fc.record({
      maxPointsPerGift: fc.integer({ min: 1, max: 100 }),
      maxRecipients: fc.integer({ min: 1, max: 20 }),
      maxReasonLength: fc.integer({ min: 1, max: 600 }),
    });
    fc.assert(
      fc.property(commandText, rules, (text, r) => {
        const result = parseKudosText(text, r);
        if (!result.ok) return expectSpecificError(result.error);
        if (result.command.kind !== "give") return;
        expect(result.command.points).toBeLessThanOrEqual(r.maxPointsPerGift);
        expect(result.command.recipients.length).toBeLessThanOrEqual(r.maxRecipients);
        expect(result.command.reason.length).toBeLessThanOrEqual(r.maxReasonLength);
      }),
      { numRuns: 1000 },
    );
  });

  it("parses well-formed kudos into exactly what was written", () => {
    const userId = fc.stringMatching(/^U[A-Z0-9]{2,10}$/);
    const word = fc.stringMatching(/^[a-z]{1,12}$/).filter((w) => !["and", "help", "balance", "history"].includes(w));
    const tag = fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(userId, { minLength: 1, maxLength: 10 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        fc.array(word, { minLength: 1, maxLength: 20 }),
        fc.uniqueArray(tag, { maxLength: 3 }),
        (ids, points, words, tags) => {
          const text = [...ids.map((id) => `<@${id}|x>`), ...(points ? [String(points)] : []), ...words, ...tags.map((t) => `#${t}`)].join(" ");
          const result = parseKudosText(text);
          expect(result.ok).toBe(true);
          if (!result.ok || result.command.kind !== "give") return;
          expect(result.command.recipients).toEqual(ids.map((id) => ({ kind: "id", id })));
          expect(result.command.points).toBe(points ?? 1);
          expect(result.command.reason).toBe(words.join(" "));
          expect(result.command.values).toEqual(tags);
        },
      ),
    );
  });

  it("explains out-of-range points with InvalidPoints", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -99999, max: 0 }), fc.integer({ min: 6, max: 999999 })), (points) => {
        const result = parseKudosText(`<@UANA> ${points} thanks`);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe(ErrorCode.InvalidPoints);
      }),
    );
  });
});

describe("other recognition parsers (property-based)", () => {
  it("parseLeaderboardCommand and parseRecognitionAdmin never throw", () => {
    fc.assert(
      fc.property(fc.oneof(commandText, fc.string()), (text) => {
        const board = parseLeaderboardCommand(slackCommandTokens(text));
        if (!board.ok) expectSpecificError(board.error);
        const admin = parseRecognitionAdmin(slackCommandTokens(text));
        if (admin && !admin.ok) expectSpecificError(admin.error);
      }),
      { numRuns: 1000 },
    );
  });
});
