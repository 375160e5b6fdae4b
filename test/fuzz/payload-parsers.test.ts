// Property-based fuzz of the Slack and Teams payload parsers: any value, nasty strings included, is either
// accepted or refused with zod issues; none throws, and what is accepted parses again the same way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { BlockActionPayload, describeIssues } from "../../src/slack/feedback-payloads.ts";
import { SlackUser, SlashCommandPayload } from "../../src/slack/payloads.ts";
import { BlockAction, EventEnvelope, MessageShortcut, ReactionEvent, readKudosModalState, StateValue, ViewSubmission } from "../../src/slack/recognition-payloads.ts";
import { splitCommand } from "../../src/teams/bot.ts";
import { teamsCommandText } from "../../src/teams/mentions.ts";
import { FUZZ_RUNS, fuzzParameters, mutated, nastyText, nastyValue } from "../support/fuzz.ts";

const SCHEMAS: [string, z.ZodType][] = [
  ["SlashCommandPayload", SlashCommandPayload],
  ["SlackUser", SlackUser],
  ["BlockActionPayload", BlockActionPayload],
  ["StateValue", StateValue],
  ["ViewSubmission", ViewSubmission],
  ["BlockAction", BlockAction],
  ["ReactionEvent", ReactionEvent],
  ["EventEnvelope", EventEnvelope],
  ["MessageShortcut", MessageShortcut],
];

const anyInput = fc.oneof(nastyValue, fc.anything(), nastyValue.chain((v) => mutated(v)));

describe(`fuzz: payload parsers never throw (${FUZZ_RUNS} cases each)`, () => {
  it.each(SCHEMAS)("%s accepts or refuses with issues", (_name, schema) => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = schema.safeParse(input);
        if (result.success) expect(schema.safeParse(result.data).success).toBe(true);
        else expect(describeIssues(result.error)).toEqual(expect.any(String));
      }),
      fuzzParameters(),
    );
  });

  it("reads any kudos modal metadata as a form state", () => {
    fc.assert(fc.property(fc.oneof(nastyText(), nastyValue.map((v) => JSON.stringify(v) ?? "")), (raw) => void readKudosModalState(raw)), fuzzParameters());
  });

  it("reads any Teams message's command text and command word", () => {
    const activity = fc.record({ text: fc.oneof(nastyText(), fc.constant(undefined)), entities: fc.oneof(fc.array(nastyValue, { maxLength: 3 }), fc.constant(undefined)), recipient: fc.oneof(fc.record({ id: nastyText(10) }), fc.constant(undefined)) }, { requiredKeys: [] });
    fc.assert(
      fc.property(activity, (a) => {
        const text = teamsCommandText(a as Parameters<typeof teamsCommandText>[0]);
        expect(typeof splitCommand(text.text).name).toBe("string");
      }),
      fuzzParameters(),
    );
  });
});
