// Levels and per-team targets, pure: parsing `level …` and `team <name> targets …`, a member's effective
// targets (a level's override replaces the team target's figure and weight, keeps its period and minimum;
// monthly on its own), the composite they are scored by (hand-computed), and the targets form's period.
import { describe, expect, it } from "vitest";
import { memberComposite } from "../../src/core/awards/team-standings.ts";
import { agentWeeks, groupByMember } from "../../src/core/digests/kpi-digest.ts";
import { weekByKey } from "../../src/core/shared/period.ts";
import { testAgent } from "../support/members.ts";
import { isLevelCommand, parseLevelCommand } from "../../src/core/admin/level-command.ts";
import { parseTeamCommand } from "../../src/core/admin/team-command.ts";
import { effectiveTargets, scoringTargetsOf, type MemberLevel } from "../../src/core/kpi/effective-targets.ts";
import type { KpiTarget } from "../../src/core/kpi/kpi-ports.ts";
import type { KpiInput } from "../../src/core/kpi/kpi-math.ts";
import { readTargetsForm } from "../../src/core/kpi/targets-form.ts";
import { judgedSpan } from "../../src/core/kpi/target-span.ts";
import { periodByKey } from "../../src/core/shared/review-period.ts";
import { slackCommandTokens } from "../../src/slack/command-tokens.ts";
import { plain } from "../support/neutral-text.ts";

const level = (text: string) => parseLevelCommand(slackCommandTokens(text));
const team = (text: string) => parseTeamCommand(slackCommandTokens(text));
const refusal = (result: { ok: boolean; error?: { reply: Parameters<typeof plain>[0] } }) => (result.ok ? null : plain(result.error!.reply));

describe("parseLevelCommand", () => {
  it("is routed for `level …` and `levels`", () => {
    expect(isLevelCommand(slackCommandTokens("level list"))).toBe(true);
    expect(isLevelCommand(slackCommandTokens("levels"))).toBe(true);
    expect(isLevelCommand(slackCommandTokens("team list"))).toBe(false);
  });

  it("parses the ladder's commands, with names of several words", () => {
    expect(level("level")).toEqual({ ok: true, command: { kind: "list" } });
    expect(level("level list")).toEqual({ ok: true, command: { kind: "list" } });
    expect(level("level create Agent II")).toEqual({ ok: true, command: { kind: "create", name: "Agent II" } });
    expect(level("level rename Agent II to Agent 2")).toEqual({ ok: true, command: { kind: "rename", name: "Agent II", newName: "Agent 2" } });
    expect(level("level remove 高级客服")).toEqual({ ok: true, command: { kind: "remove", name: "高级客服" } });
  });

  it("parses who holds a level, and `none` to clear it", () => {
    expect(level("level Senior add <@U1|ana> <@U2>")).toEqual({ ok: true, command: { kind: "assign", name: "Senior", members: [{ kind: "id", id: "U1" }, { kind: "id", id: "U2" }] } });
    expect(level("level none add @ana")).toEqual({ ok: true, command: { kind: "assign", name: null, members: [{ kind: "handle", handle: "ana" }] } });
    expect(refusal(level("level Senior add"))).toBe("Usage: spur level Senior add @member — name one or more people.");
  });

  it("parses a level's overrides: a target and a weight, never a period or a minimum", () => {
    expect(level("level Senior targets set csat 95 weight 3")).toEqual({ ok: true, command: { kind: "target_set", name: "Senior", metric: "csat", target: 95, weight: 3 } });
    expect(level("level Agent I targets set first_response_time 45")).toEqual({ ok: true, command: { kind: "target_set", name: "Agent I", metric: "first_response_time", target: 45, weight: 1 } });
    expect(level("level Senior targets remove csat")).toEqual({ ok: true, command: { kind: "target_remove", name: "Senior", metric: "csat" } });
    expect(refusal(level("level Senior targets set csat 95 period week"))).toBe(
      "A level overrides only a target and its weight; the period and minimum volume come from each team's target. Usage: spur level Senior targets set <kpi> <target> [weight <n>].",
    );
    expect(refusal(level("level Senior targets set csat 120"))).toBe("CSAT is a percentage: the target must be 0–100.");
    expect(refusal(level("level Senior targets set speed 1"))).toContain('"speed" is not a KPI.');
  });

  it("refuses a level named by a command word or a person", () => {
    expect(refusal(level("level create none"))).toContain('"none" can\'t be a level\'s name');
    expect(refusal(level("level create <@U1>"))).toContain("can't be a level's name");
  });
});

describe("parseTeamCommand: a team's targets", () => {
  it("parses list, set, remove and edit for a named team", () => {
    expect(team("team Tier 1 targets")).toEqual({ ok: true, command: { kind: "targets", name: "Tier 1", targets: { kind: "targets_list" } } });
    expect(team("team Tier 1 targets list")).toEqual({ ok: true, command: { kind: "targets", name: "Tier 1", targets: { kind: "targets_list" } } });
    expect(team("team Tier 2 targets set csat 85 weight 2 period quarter min 10")).toEqual({
      ok: true,
      command: { kind: "targets", name: "Tier 2", targets: { kind: "targets_set", metric: "csat", target: 85, weight: 2, period: "quarter", minVolume: 10 } },
    });
    expect(team("team Tier 2 targets remove fcr")).toEqual({ ok: true, command: { kind: "targets", name: "Tier 2", targets: { kind: "targets_remove", metric: "fcr" } } });
    expect(team("team 一线客服 targets edit")).toEqual({ ok: true, command: { kind: "targets", name: "一线客服", targets: { kind: "targets_edit" } } });
  });

  it("names the team's command in its usage", () => {
    expect(refusal(team("team Tier 1 targets set csat high"))).toBe(
      "The target must be a number. Usage: spur team Tier 1 targets set <kpi> <target> [weight <n>] [period week|month|quarter] [min <events>].",
    );
  });
});

const TEAM: KpiTarget[] = [
  { metric: "csat", target: 90, weight: 2, period: "week", minVolume: 5 },
  { metric: "first_response_time", target: 30, weight: 1, period: "month", minVolume: 3 },
];
const SENIOR: MemberLevel = {
  levelId: "l-senior",
  name: "Senior",
  targets: [
    { metric: "csat", target: 95, weight: 3 },
    { metric: "qa_score", target: 80, weight: 1 },
  ],
};

describe("effective targets", () => {
  it("replaces the team target's figure and weight, keeps its period and minimum, and adds the level's own monthly", () => {
    expect(effectiveTargets(TEAM, SENIOR)).toEqual([
      { metric: "csat", target: 95, weight: 3, period: "week", minVolume: 5, fromLevel: "Senior" },
      { metric: "first_response_time", target: 30, weight: 1, period: "month", minVolume: 3, fromLevel: null },
      { metric: "qa_score", target: 80, weight: 1, period: "month", minVolume: null, fromLevel: "Senior" },
    ]);
    expect(effectiveTargets(TEAM, null)).toEqual(TEAM.map((t) => ({ ...t, fromLevel: null })));
  });

  it("scores a Senior and a member without a level differently on the same records (hand-computed)", () => {
    // November 2026, judged whole. CSAT 18 of 20 = 90%; first response median 40 min; QA 72 (three reviews).
    const span = judgedSpan(periodByKey("2026-11", "UTC")!, new Date("2027-01-01T00:00:00Z"));
    const inputs = new Map<string, KpiInput[]>([
      ["csat", [{ value: 90, numerator: 18, denominator: 20 }]],
      ["first_response_time", [30, 40, 50].map((value) => ({ value, numerator: null, denominator: null }))],
      ["qa_score", [72, 72, 72].map((value) => ({ value, numerator: null, denominator: null }))],
    ]);
    const scoring = scoringTargetsOf(TEAM, new Map([["ana", SENIOR]]));
    // Team target: (2 × min(90/90, 1) + 1 × 30/40) ÷ 3 = (2 + 0.75) ÷ 3 = 91.67%.
    expect(memberComposite(inputs, scoring.of("bo"), span).score).toBeCloseTo(91.6667, 3);
    // Senior: (3 × 90/95 + 1 × 30/40 + 1 × 72/80) ÷ 5 = (2.842105 + 0.75 + 0.9) ÷ 5 = 89.84%.
    expect(memberComposite(inputs, scoring.of("ana"), span).score).toBeCloseTo(89.8421, 3);
    expect(scoring.levelOf("ana")?.name).toBe("Senior");
    expect(scoring.levelOf("bo")).toBeNull();
  });
});

describe("the digests' agents", () => {
  it("score each agent against their own targets", () => {
    const [ana, bo] = [testAgent("ana", "Ana"), testAgent("bo", "Bo")];
    // ISO week 2026-W47, judged whole: both answered 18 of 20 CSAT surveys (90%), with first replies of 30, 40, 50 min.
    const records = ["ana", "bo"].flatMap((memberId) => [
      { memberId, metric: "csat", value: 90, numerator: 18, denominator: 20 },
      ...[30, 40, 50].map((value) => ({ memberId, metric: "first_response_time", value, numerator: null, denominator: null })),
    ]);
    const week = { inputs: groupByMember({ records, kudosReceived: new Map() }), span: judgedSpan(weekByKey("2026-W47", "UTC"), new Date("2027-01-01T00:00:00Z")) };
    const empty = { inputs: new Map(), span: week.span };
    const scoring = scoringTargetsOf(TEAM, new Map([["ana", SENIOR]]));
    const [a, b] = agentWeeks((id) => scoring.of(id), [ana, bo], week, empty, new Map());
    // Ana (Senior): (3 × 90/95 + 1 × 30/40) ÷ 4 = 89.80% (no QA reviews: left out). Bo: (2 × 1 + 1 × 0.75) ÷ 3 = 91.67%.
    expect(a?.composite).toBeCloseTo(89.8026, 3);
    expect(b?.composite).toBeCloseTo(91.6667, 3);
    expect(a?.kpis.map((k) => [k.def.code, k.target.target])).toEqual([
      ["csat", 95],
      ["first_response_time", 30],
      ["qa_score", 80],
    ]);
  });
});

describe("the targets form's period", () => {
  it("reads a period per KPI, keeps the saved one when none is sent, and refuses one it doesn't know", () => {
    const read = readTargetsForm({ "target:csat": "90", "weight:csat": "2", "period:csat": "quarter", "target:fcr": "70" }, [TEAM[0]!]);
    expect(read.ok && read.set.filter((t) => t.metric === "csat" || t.metric === "fcr")).toEqual([
      { metric: "csat", target: 90, weight: 2, period: "quarter", minVolume: 5 },
      { metric: "fcr", target: 70, weight: 1, period: "month", minVolume: null },
    ]);
    const kept = readTargetsForm({ "target:csat": "90", "weight:csat": "2" }, [TEAM[0]!]);
    expect(kept.ok && kept.set).toEqual([TEAM[0]]);
    const bad = readTargetsForm({ "target:csat": "90", "period:csat": "fortnight" }, []);
    expect(bad.ok ? null : Object.fromEntries(Object.entries(bad.errors).map(([k, m]) => [k, plain(m)]))).toEqual({ "period:csat": "Choose week, month or quarter." });
  });
});
