// Leads act through the teams they lead (team_lead), on both platforms: Bo leads Tier 1 and Tier 2, Dee only
// Tier 1. `/feedback team [<team>]` and a team's prompts (`spur team <name> prompts …`, or `spur prompts …` for a
// lead's only team) are allowed for a team one leads and refused, naming one's own teams, for any other; a lead of
// several teams who names none is asked which; in a channel mapped to a team, that team. Each team's prompt is scheduled at its own local time and goes
// to that team's active members only, once.
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECOGNITION_PROMPTS_JOB, recognitionPromptsSchedulerId } from "../../src/jobs/recognition-prompts.ts";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;
// The prompt itself (the schedule confirmations quote its question too).
const PROMPT = "A quick kudos makes their day";

describe.each(PLATFORMS)("leads of one team and of two on %s", (platform) => {
  let s: Surface;
  const clock = new TestClock(new Date("2026-11-18T12:00:00Z")); // a Wednesday
  const teamNamed = (name: string) => s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId, name } });
  const text = async (who: typeof ana, command: "feedback" | "spur", said: (string | typeof ana)[]) => (await s.say(who, command, said, "personal")).text;

  beforeAll(async () => {
    s = await startSurface(platform, { clock, personalChats: true });
    for (const said of [
      ["team create Tier 1"],
      ["team create Tier 2"],
      ["team Tier 1 timezone Europe/Berlin"],
      ["team Tier 2 timezone Asia/Shanghai"],
      ["team Tier 1 lead add ", bo, " ", dee],
      ["team Tier 2 lead add ", bo],
      ["team Tier 1 add ", dee],
      ["team Tier 2 add ", ana],
    ]) {
      expect((await s.say(carl, "spur", said)).text).toMatch(/created|runs on|Now leading|Moved to/);
    }
  });
  afterAll(() => s?.stop());

  it("shows /feedback team for a team the lead leads, and refuses any other", async () => {
    expect(await text(dee, "feedback", ["team Tier 2"])).toBe("⚠️ You don't lead Tier 2: leads act on the teams they lead (yours: Tier 1).");
    expect((await text(dee, "feedback", ["team"])).split("\n")[0]).toBe("Team feedback — November 2026 · Tier 1");
    expect(await text(bo, "feedback", ["team"])).toContain("You lead Tier 1 and Tier 2: name the team (feedback team Tier 1) or send it in the team's channel.");
    const tier2 = await text(bo, "feedback", ["team tier 2"]);
    expect(tier2.split("\n").slice(0, 2)).toEqual(["Team feedback — November 2026 · Tier 2", "Ana Alves: no feedback to show yet"]);
    expect((await text(bo, "feedback", ["team Tier 1"])).split("\n").slice(0, 2)).toEqual(["Team feedback — November 2026 · Tier 1", "Dee Diaz: no feedback to show yet"]);
    expect(await text(ana, "feedback", ["team Tier 2"])).toContain("feedback team is for leads");
    expect(await text(carl, "feedback", ["team Tier 2"])).toContain("Team feedback — November 2026 · Tier 2");
    expect(await text(carl, "feedback", ["team Tier 9"])).toContain('There is no team called "Tier 9"');
  });

  it("lets a lead set the prompts of the teams they lead, each at its own local time, audited", async () => {
    expect(await text(dee, "spur", ["team Tier 2 prompts schedule thursday 16:30"])).toBe("⚠️ You don't lead Tier 2: leads act on the teams they lead (yours: Tier 1).");
    expect(await text(bo, "spur", ["team Tier 2 prompts schedule thursday 16:30"])).toContain('Tier 2 gets "Who helped you this week?" on Thursdays at 16:30 (Asia/Shanghai).');
    expect(await text(bo, "spur", ["prompts schedule monday 10:00"])).toContain("You lead Tier 1 and Tier 2: name the team");
    expect(await text(dee, "spur", ["prompts schedule monday 10:00"])).toContain('Tier 1 gets "Who helped you this week?" on Mondays at 10:00 (Europe/Berlin).');
    expect(await text(ana, "spur", ["team Tier 2 prompts off"])).toContain("Only Spur admins and team leads can set a team's prompts");

    const [tier1, tier2] = [await teamNamed("Tier 1"), await teamNamed("Tier 2")];
    const schedulers = await s.h.spur.queues.scheduled.getJobSchedulers();
    for (const [team, zone, weekday, hour, minute] of [
      [tier1, "Europe/Berlin", 1, 10, 0],
      [tier2, "Asia/Shanghai", 4, 16, 30],
    ] as const) {
      const scheduler = schedulers.filter((j) => j.key === recognitionPromptsSchedulerId(team.id));
      expect(scheduler).toHaveLength(1);
      const next = DateTime.fromMillis(Number(scheduler[0]!.next), { zone: scheduler[0]!.tz! });
      expect([scheduler[0]!.tz, next.weekday, next.hour, next.minute]).toEqual([zone, weekday, hour, minute]);
    }
    const audited = await s.h.spur.db.auditLogEntry.findMany({ where: { workspaceId: s.workspaceId, action: "team.prompts" }, orderBy: { createdAt: "asc" } });
    expect(audited.map((e) => [e.target, (e.details as { to: { day: number } }).to.day])).toEqual([
      [tier2.id, 4],
      [tier1.id, 1],
    ]);
  });

  it("sends a team's prompt to that team's active members only, once", async () => {
    const tier2 = await teamNamed("Tier 2");
    clock.set("2026-11-19T08:30:00Z"); // Thursday 16:30 in Shanghai
    const jobs = [
      await s.h.spur.queues.scheduled.add(RECOGNITION_PROMPTS_JOB, { teamId: tier2.id }),
      await s.h.spur.queues.scheduled.add(RECOGNITION_PROMPTS_JOB, { teamId: tier2.id }),
    ];
    await s.dm(ana, PROMPT);
    for (const job of jobs) await expect.poll(() => job.getState(), { timeout: 20_000 }).toBe("completed");
    const prompted = async (who: typeof ana) => (await s.dms(who)).filter((m) => m.text.includes(PROMPT)).length;
    expect(await prompted(ana)).toBe(1);
    expect([await prompted(bo), await prompted(dee), await prompted(carl)]).toEqual([0, 0, 0]);
  });

  it("acts on the team a channel is mapped to (spur team <name> here) when the command names none", async () => {
    expect((await s.say(carl, "spur", ["team Tier 2 here"])).text).toContain("is now Tier 2's channel: commands typed here act on Tier 2");
    expect((await s.say(bo, "spur", ["prompts team off"])).text).toContain("Weekly recognition prompts are off for Tier 2.");
    expect((await s.say(dee, "spur", ["prompts team on"])).text).toContain("You don't lead Tier 2: leads act on the teams they lead (yours: Tier 1).");
    const tier2 = await teamNamed("Tier 2");
    expect(await s.h.spur.db.recognitionPromptSchedule.findUnique({ where: { teamId: tier2.id } })).toMatchObject({ enabled: false });
  });
});
