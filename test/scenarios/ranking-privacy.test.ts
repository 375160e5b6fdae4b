// Who sees people ranked, on both platforms: with the leaderboard visible to everyone, the team channel's
// weekly digest (most recognised, top movers), weekly leaderboard post and monthly awards (agent of the
// month, most recognised) rank people, and a scorecard shows its rank in the team; with it kept to leads and
// admins, nothing posted in the channel ranks anyone and an agent's scorecard has no rank, while a lead still
// gets their lead digest, their /leaderboard and the rank on an agent's scorecard.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LeaderboardVisibility } from "../../src/core/recognition/recognition-settings.ts";
import { MONTHLY_AWARDS_JOB } from "../../src/jobs/monthly-awards.ts";
import { WEEKLY_DIGEST_JOB } from "../../src/jobs/weekly-digest.ts";
import { WEEKLY_LEADERBOARD_JOB } from "../../src/jobs/weekly-leaderboard.ts";
import { TestClock } from "../support/clock.ts";
import { HERE, PEOPLE, type Person, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;
const HIDDEN_LINE = "Individual rankings are shown to leads and admins only.";
const VISIBILITIES: LeaderboardVisibility[] = ["everyone", "leads"];

describe.each(PLATFORMS)("rankings in team posts on %s", (platform) => {
  describe.each(VISIBILITIES)("with the leaderboard visible to %s", (visibility) => {
    const hidden = visibility === "leads";
    let s: Surface;
    let teamId: string;
    // Tuesday 24 Nov 2026, in week 2026-W48.
    const clock = new TestClock(new Date("2026-11-24T10:00:00Z"));
    const memberId = async (who: Person) =>
      (await s.h.spur.db.member.findFirstOrThrow({ where: { workspaceId: s.workspaceId, platformUserId: who[platform].id } })).id;

    /** Runs one scheduled job for the team and returns its outcome. */
    async function run(name: string): Promise<{ status: string; reason?: string }> {
      const job = await s.h.spur.queues.scheduled.add(name, { teamId });
      await vi.waitFor(async () => expect(await job.getState()).toBe("completed"), { timeout: 15_000, interval: 50 });
      return (await s.h.spur.queues.scheduled.getJob(job.id!))?.returnvalue as { status: string; reason?: string };
    }
    const post = async (title: string) => (await s.posts()).find((p) => p.startsWith(title));

    beforeAll(async () => {
      s = await startSurface(platform, { clock });
      await s.settings({ allowancePoints: 50, leaderboardVisibility: visibility });
      await s.say(carl, "spur", ["channel ", HERE]);
      await s.say(carl, "spur", ["role ", dee, " lead"]);
      await s.say(carl, "spur", ["targets set csat 90"]);
      await s.say(carl, "kudos", [ana, " 3 calmed an angry customer"]);
      await s.say(bo, "kudos", [ana, " 2 covered my shift"]);
      await s.say(ana, "kudos", [dee, " 1 fixed the macro"]);
      teamId = (await s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId } })).id;
      const csat = (memberId: string, date: string, numerator: number, denominator: number) => ({
        memberId,
        metric: "csat",
        periodDate: new Date(date),
        value: (numerator * 100) / denominator,
        numerator,
        denominator,
        source: "api",
      });
      // Ana's CSAT rises from 60% (2026-W47) to 90% (2026-W48): she is the week's top mover.
      await s.h.spur.db.kpiRecord.createMany({ data: [csat(await memberId(ana), "2026-11-17", 6, 10), csat(await memberId(ana), "2026-11-24", 9, 10)] });
      // Monday 30 Nov: the digest and the leaderboard cover 2026-W48.
      clock.set("2026-11-30T10:00:00Z");
    });
    afterAll(() => s?.stop());

    it(hidden ? "posts the weekly digest without most recognised or top movers" : "posts the weekly digest with most recognised and top movers", async () => {
      expect((await run(WEEKLY_DIGEST_JOB)).status).toBe("posted");
      const digest = await post("Weekly digest — ");
      expect(digest).toContain("3 kudos worth 6 points from 3 people.");
      if (hidden) {
        expect(digest).toContain(HIDDEN_LINE);
        for (const ranking of ["Most recognised", "Top movers", "🥇", "⬆️", "Ana Alves", "Dee Diaz"]) expect(digest).not.toContain(ranking);
      } else {
        expect(digest).toContain("Top movers\n⬆️ Ana Alves +33.3 pts (now 100%)");
        expect(digest).toContain("Most recognised\n🥇 Ana Alves — 5 points (2 kudos)\n🥈 Dee Diaz — 1 point (1 kudos)");
        expect(digest).not.toContain(HIDDEN_LINE);
      }
    });

    it("still sends the lead their lead digest, every agent ranked by composite", async () => {
      const lead = await s.dm(dee, "Lead digest — ");
      expect(lead.text).toContain("Ana Alves");
    });

    it(hidden ? "does not post the weekly leaderboard" : "posts the weekly leaderboard", async () => {
      const outcome = await run(WEEKLY_LEADERBOARD_JOB);
      if (hidden) {
        expect(outcome).toEqual({ status: "skipped", reason: "rankings_hidden" });
        expect(await post("Leaderboard — ")).toBeUndefined();
      } else {
        expect(outcome.status).toBe("posted");
        expect(await post("Leaderboard — ")).toContain("1. Ana Alves — 2 kudos");
      }
    });

    it(hidden ? "posts the monthly awards with the team award only" : "posts the monthly awards with the individual awards", async () => {
      // Tuesday 1 Dec 2026, the month's first working day: November's awards.
      clock.set("2026-12-01T15:00:00Z");
      expect((await run(MONTHLY_AWARDS_JOB)).status).toBe("posted");
      const awards = await post("Awards for November 2026 — ");
      expect(awards).toContain("Team of the month");
      if (hidden) {
        expect(awards).toContain(HIDDEN_LINE);
        for (const ranking of ["Agent of the month", "Most recognised", "Ana Alves"]) expect(awards).not.toContain(ranking);
      } else {
        expect(awards).toContain("Agent of the month");
        expect(awards).toContain("Most recognised\nAna Alves — 2 kudos");
        expect(awards).not.toContain(HIDDEN_LINE);
      }
    });

    it(hidden ? "shows a scorecard's rank in the team to a lead, not to the agent" : "shows a scorecard's rank in the team to the agent and a lead", async () => {
      const rank = "rank 1 of 1 in the team";
      const own = await s.say(ana, "scorecard", ["2026-W48"], "personal");
      expect(own.text).toContain("Composite score: 100.0");
      if (hidden) expect(own.text).not.toContain(rank);
      else expect(own.text).toContain(rank);
      const leads = await s.say(dee, "scorecard", [ana, " 2026-W48"], "personal");
      expect(leads.text).toContain(rank);
      // Sent to the agent by the lead, it is the agent's card: no rank when rankings are kept from agents.
      expect((await s.click(dee, leads, "Send to agent")).text).toBe("✅ Sent to Ana Alves privately.");
      const sent = (await s.dms(ana)).at(-1)?.text;
      expect(sent).toContain("Composite score: 100.0");
      if (hidden) expect(sent).not.toContain(rank);
      else expect(sent).toContain(rank);
    });

    it(hidden ? "shows /leaderboard to a lead, not to an agent" : "shows /leaderboard to everyone", async () => {
      expect((await s.say(dee, "leaderboard", ["quarter"])).text).toContain("🥇 Ana Alves");
      const agent = await s.say(bo, "leaderboard", ["quarter"]);
      if (hidden) expect(agent.text).toBe("⚠️ Your leads keep the leaderboard private for now. Your own numbers are in scorecard.");
      else expect(agent.text).toContain("🥇 Ana Alves");
    });
  });
});
