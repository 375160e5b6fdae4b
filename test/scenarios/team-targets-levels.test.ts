// Per-team targets and levels on both platforms, held to the same words: an admin sets different targets for
// Tier 1 and Tier 2 with `team <name> targets set`; Tier 1's lead sets Tier 1's and is refused Tier 2's; a
// Senior level overrides CSAT, shows on its member's scorecard and scores them (hand-computed) while a member
// without a level keeps the team's target; removing a held level is refused; the audit log lists it all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, type Person, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

describe.each(PLATFORMS)("team targets and levels on %s", (platform) => {
  let s: Surface;
  // Wednesday 18 Nov 2026: November is judged so far (rates and times are not pro-rated).
  const clock = new TestClock(new Date("2026-11-18T12:00:00Z"));
  const memberId = async (who: Person) => (await s.h.spur.db.member.findFirstOrThrow({ where: { workspaceId: s.workspaceId, platformUserId: who[platform].id } })).id;
  const teamId = async (name: string) => (await s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId, name } })).id;
  const targetsOf = async (name: string) =>
    (await s.h.spur.db.kpiTarget.findMany({ where: { teamId: await teamId(name) }, orderBy: { metric: "asc" } })).map((t) => [t.metric, t.target, t.weight, t.period, t.minVolume]);
  const admin = async (said: Parameters<Surface["say"]>[2]) => (await s.say(carl, "spur", said)).text;

  beforeAll(async () => {
    s = await startSurface(platform, { clock, personalChats: true });
    for (const line of [["team create Tier 1"], ["team create Tier 2"], ["team Tier 1 lead add ", bo], ["team Tier 2 lead add ", dee], ["team Tier 1 add ", ana, " ", bo], ["team Tier 2 add ", dee]] as const) {
      expect(await admin([...line])).toContain("✅");
    }
  });
  afterAll(() => s?.stop());

  it("lets an admin give Tier 1 and Tier 2 different targets and weights", async () => {
    expect(await admin(["team Tier 1 targets set csat 90 weight 2"])).toBe(
      ["✅ Saved.", "KPI targets for Tier 1", "• CSAT (csat, higher is better): 90% per month · weight 2 (100% of the composite) · min 5 CSAT responses", FORMULA].join("\n"),
    );
    await admin(["team Tier 2 targets set csat 80 weight 1 period week"]);
    await admin(["team Tier 2 targets set first_response_time 20 weight 3"]);
    expect(await targetsOf("Tier 1")).toEqual([["csat", 90, 2, "month", null]]);
    expect(await targetsOf("Tier 2")).toEqual([
      ["csat", 80, 1, "week", null],
      ["first_response_time", 20, 3, "month", null],
    ]);
    expect((await s.say(ana, "spur", ["team Tier 2 targets"])).text).toBe(
      [
        "KPI targets for Tier 2",
        "• CSAT (csat, higher is better): 80% per week · weight 1 (25% of the composite) · min 5 CSAT responses",
        "• First response time (first_response_time, lower is better): 20 min per month · weight 3 (75% of the composite) · min 20 tickets",
        FORMULA,
      ].join("\n"),
    );
  });

  it("lets Tier 1's lead set Tier 1's targets and refuses them Tier 2's", async () => {
    expect(await s.say(bo, "spur", ["team Tier 1 targets set first_response_time 30 min 3"]).then((r) => r.text)).toContain("✅ Saved.");
    // `targets` alone is the actor's own team.
    expect((await s.say(bo, "spur", ["targets"])).text).toContain("KPI targets for Tier 1");
    expect((await s.say(bo, "spur", ["team Tier 2 targets set csat 70"])).text).toBe("⚠️ You don't lead Tier 2: only its leads and admins can change its KPI targets.");
    expect((await s.say(bo, "spur", ["team Tier 2 targets remove csat"])).text).toBe("⚠️ You don't lead Tier 2: only its leads and admins can change its KPI targets.");
    expect((await s.say(ana, "spur", ["team Tier 1 targets set csat 10"])).text).toBe("⚠️ Only leads (for their own team) and admins can change KPI targets.");
    expect(await targetsOf("Tier 1")).toEqual([
      ["csat", 90, 2, "month", null],
      ["first_response_time", 30, 1, "month", 3],
    ]);
    expect((await targetsOf("Tier 2"))[0]).toEqual(["csat", 80, 1, "week", null]);
  });

  it("edits a named team's targets in the form: its name shown, a period per KPI, unchanged rows not audited", async () => {
    const setEntries = () => s.h.spur.db.auditLogEntry.count({ where: { action: "kpi.target_set" } });
    const before = await setEntries();
    const form = await s.open(carl, "spur", ["team Tier 2 targets edit"]);
    expect(form.notice).toContain("Targets of Tier 2.");
    const period = form.fields.find((f) => f.id === "period:csat");
    expect(period).toMatchObject({ label: "CSAT — period", value: "week" });
    expect(period?.choices.map((c) => [c.value, c.label])).toEqual([
      ["week", "Per week"],
      ["month", "Per month"],
      ["quarter", "Per quarter"],
    ]);
    expect(form.fields.find((f) => f.id === "period:qa_score")?.value).toBe("month");
    const refused = await s.submit(carl, form, { "period:csat": "quarter", "target:csat": "120" });
    expect(refused.errors).toEqual({ "target:csat": "A percentage target is 0–100." });
    expect(await s.submit(carl, form, { "period:csat": "quarter" }).then((r) => r.reply?.text)).toContain("80% per quarter");
    // Only CSAT changed: first_response_time went through the form unchanged and is not audited again.
    expect(await setEntries()).toBe(before + 1);
    expect(await targetsOf("Tier 2")).toEqual([
      ["csat", 80, 1, "quarter", null],
      ["first_response_time", 20, 3, "month", null],
    ]);
    // Tier 1's lead may open Tier 1's form, not Tier 2's.
    expect((await s.open(bo, "spur", ["team Tier 1 targets edit"])).notice).toContain("Targets of Tier 1.");
    expect((await s.say(bo, "spur", ["team Tier 2 targets edit"])).text).toBe("⚠️ You don't lead Tier 2: only its leads and admins can change its KPI targets.");
  });

  it("keeps a ladder of levels for admins only", async () => {
    expect((await s.say(bo, "spur", ["level create Senior"])).text).toBe("⚠️ Only Spur admins can change settings. Ask a workspace admin.");
    expect(await admin(["level create Agent I"])).toContain("✅ Level Agent I created, at the top of the ladder (position 1).");
    expect(await admin(["level create Senior"])).toContain("✅ Level Senior created, at the top of the ladder (position 2).");
    expect(await admin(["level create SENIOR"])).toBe('⚠️ There is already a level called "SENIOR" (names are compared without case).');
    expect(await admin(["level Senior targets set csat 95 weight 3"])).toBe(
      "✅ Senior now overrides CSAT: target 95%, weight 3, for its members in every team (the period and minimum volume stay each team's; monthly where a team has no CSAT target).",
    );
    expect(await admin(["level Senior add ", ana])).toBe("✅ Now at level Senior: Ana Alves.");
    expect(await admin(["level senior add ", ana])).toBe("✅ Already at level Senior: Ana Alves.");
    expect(await admin(["level Agent I add ", bo])).toBe("✅ Now at level Agent I: Bo Berg.");
    expect(await admin(["level none add ", bo])).toBe("✅ No level now: Bo Berg.");
    expect(await admin(["level remove Senior"])).toBe("⚠️ Senior is held by 1 member: give them another level first (admin level <other level> add @member), then remove it.");
    expect(await admin(["level list"])).toBe(["2 levels, lowest first:", "• 1. Agent I · 0 members · team targets only", "• 2. Senior · 1 member · overrides: CSAT 95% (weight 3)"].join("\n"));
    expect(await admin(["level remove Agent I"])).toBe("✅ Level Agent I removed, with its target overrides.");
    const ana_ = await s.h.spur.db.member.findFirstOrThrow({ where: { id: await memberId(ana) }, include: { level: true } });
    expect(ana_.level?.name).toBe("Senior");
  });

  it("shows the level and its target on the member's scorecard and scores them by it (hand-computed)", async () => {
    const [anaId, boId] = [await memberId(ana), await memberId(bo)];
    const csat = (id: string, date: string, numerator: number, denominator: number) => ({
      memberId: id, metric: "csat", periodDate: new Date(date), value: (numerator * 100) / denominator, numerator, denominator, source: "api",
    });
    const frt = (id: string, date: string, value: number, ref: string) => ({ memberId: id, metric: "first_response_time", periodDate: new Date(date), value, source: "api", ref });
    // The same records for both: CSAT 18 of 20 = 90%; first response times 30, 40, 50 (median 40 min).
    await s.h.spur.db.kpiRecord.createMany({
      data: [anaId, boId].flatMap((id) => [csat(id, "2026-11-03", 18, 20), frt(id, "2026-11-04", 30, `${id}-1`), frt(id, "2026-11-05", 40, `${id}-2`), frt(id, "2026-11-06", 50, `${id}-3`)]),
    });
    const card = (await s.say(ana, "scorecard", ["month"])).text.split("\n");
    expect(card[1]).toBe("Level: Senior");
    // Senior: (3 × 90/95 + 1 × 30/40) ÷ 4 = (2.8421 + 0.75) ÷ 4 = 89.8%.
    expect(card.slice(card.indexOf("KPIs") + 1, card.indexOf("KPIs") + 5)).toEqual([
      "• CSAT: 90% · target 95% (Senior target) · attainment 95% · team median 90%",
      "• First response time: 40 min · target 30 min · attainment 75% · team median 40 min",
      "Composite score: 89.8 — rank 2 of 2 in the team",
      "(3×94.7% CSAT + 1×75% First response time) ÷ 4 = 89.8%",
    ]);
    // Bo holds no level: Tier 1's targets, (2 × 90/90 + 1 × 30/40) ÷ 3 = 91.7%, first of the two.
    const bos = (await s.say(bo, "scorecard", ["month"])).text.split("\n");
    expect(bos).not.toContain("Level: Senior");
    expect(bos).toContain("• CSAT: 90% · target 90% · attainment 100% · team median 90%");
    expect(bos).toContain("Composite score: 91.7 — rank 1 of 2 in the team");
  });

  it("lists every target and level change in the audit log", async () => {
    const log = (await s.say(carl, "spur", ["audit"], "personal")).text;
    expect(log).toContain("set Tier 1's CSAT target from none to 90 (weight 2, per month");
    expect(log).toContain("set Tier 2's CSAT target from none to 80 (weight 1, per week");
    expect(log).toContain("set Tier 2's CSAT target from 80 (weight 1, per week) to 80 (weight 1, per quarter)");
    expect(log).toMatch(/Bo Berg set Tier 1's First response time target from none to 30/);
    expect(log).toContain("created the level Senior");
    expect(log).toContain("set level Senior's CSAT override from none to 95 (weight 3)");
    expect(log).toContain("put Ana Alves at level Senior");
    expect(log).toContain("cleared the level of Bo Berg");
    expect(log).toContain("removed the level Agent I");
    expect(log).not.toMatch(/Tier 2's First response time target from 20/);
    const actions = (await s.h.spur.db.auditLogEntry.findMany({ where: { action: { startsWith: "level." } } })).map((a) => a.action).sort();
    expect(actions).toEqual(["level.assign", "level.assign", "level.assign", "level.create", "level.create", "level.remove", "level.target_set"]);
  });
});

const FORMULA = "Composite = Σ(weight × min(attainment, 100%)) ÷ Σweight; lower-is-better KPIs use target ÷ value.";
