// The leaderboard on both platforms, held to the same words: its windows (week, month, quarter, all time),
// given and received, a value tag, the empty board, the caller's own rank, and the setting that hides it
// from agents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../support/clock.ts";
import { PEOPLE, PLATFORMS, startSurface, type Surface } from "../support/surface.ts";

const { ana, bo, carl, dee } = PEOPLE;

describe.each(PLATFORMS)("leaderboard on %s", (platform) => {
  let s: Surface;
  let team: string;
  // Wednesday 25 Nov 2026 (week 2026-W48), 10:00 UTC.
  const clock = new TestClock(new Date("2026-11-25T10:00:00Z"));

  beforeAll(async () => {
    s = await startSurface(platform, { clock });
    await s.settings({ allowancePoints: 50, companyValues: ["ownership", "craft"] });
    team = (await s.h.spur.db.team.findFirstOrThrow({ where: { workspaceId: s.workspaceId } })).name;
  });
  afterAll(() => s?.stop());

  it("says so when the window has no kudos yet", async () => {
    const board = await s.say(ana, "leaderboard", ["week"]);
    expect(board.text).toBe(`Most recognised — ${team}, week 2026-W48\nNo kudos in this window yet.\nYou are not on this board yet.`);
  });

  describe("with kudos in October and this week", () => {
    beforeAll(async () => {
      clock.set("2026-10-14T10:00:00Z");
      await s.say(carl, "kudos", [bo, " 4 rebuilt the macros #craft"]);
      clock.set("2026-11-24T10:00:00Z");
      await s.say(carl, "kudos", [ana, " 3 saved the Acme renewal #ownership"]);
      await s.say(bo, "kudos", [ana, " 1 covered my queue"]);
      await s.say(ana, "kudos", [dee, " 2 fixed the refund macro #craft"]);
      clock.set("2026-11-25T10:00:00Z");
    });

    it("ranks this week by points received, with the caller's own rank", async () => {
      const board = await s.say(dee, "leaderboard", []);
      expect(board.text).toBe(
        [`Most recognised — ${team}, week 2026-W48`, "🥇 Ana Alves — 4 points (2 kudos)", "🥈 Dee Diaz — 2 points (1 kudos)", "You are #2 with 2 points."].join("\n"),
      );
    });

    it("ranks the month, the quarter and all time", async () => {
      const month = await s.say(ana, "leaderboard", ["month"]);
      expect(month.text).toBe(
        [`Most recognised — ${team}, November 2026`, "🥇 Ana Alves — 4 points (2 kudos)", "🥈 Dee Diaz — 2 points (1 kudos)", "You are #1 with 4 points."].join("\n"),
      );
      const quarter = await s.say(bo, "leaderboard", ["quarter"]);
      expect(quarter.text).toBe(
        [
          `Most recognised — ${team}, Q4 2026`,
          "🥇 Ana Alves — 4 points (2 kudos)",
          "🥇 Bo Berg — 4 points (1 kudos)",
          "🥉 Dee Diaz — 2 points (1 kudos)",
          "You are #1 with 4 points.",
        ].join("\n"),
      );
      const all = await s.say(carl, "leaderboard", ["all"]);
      expect(all.text.split("\n")[0]).toBe(`Most recognised — ${team}, all time`);
      expect(all.text.split("\n").at(-1)).toBe("You are not on this board yet.");
    });

    it("ranks the most generous, and one value", async () => {
      const given = await s.say(ana, "leaderboard", ["quarter given"]);
      expect(given.text).toBe(
        [`Most generous — ${team}, Q4 2026`, "🥇 Carl Cruz — 7 points (2 kudos)", "🥈 Ana Alves — 2 points (1 kudos)", "🥉 Bo Berg — 1 point (1 kudos)", "You are #2 with 2 points."].join(
          "\n",
        ),
      );
      const craft = await s.say(ana, "leaderboard", ["quarter #craft"]);
      expect(craft.text).toBe(
        [`Most recognised #craft — ${team}, Q4 2026`, "🥇 Bo Berg — 4 points (1 kudos)", "🥈 Dee Diaz — 2 points (1 kudos)", "You are not on this board yet."].join("\n"),
      );
    });

    it("explains an argument it doesn't understand", async () => {
      const reply = await s.say(ana, "leaderboard", ["yesterday"]);
      expect(reply.text).toBe(
        '⚠️ I didn\'t understand "yesterday". Use leaderboard [week|month|quarter|all] [given|received] [#value], e.g. leaderboard month #ownership.',
      );
    });
  });

  describe("hidden from agents", () => {
    beforeAll(() => s.settings({ leaderboardVisibility: "leads" }));
    afterAll(() => s.settings({ leaderboardVisibility: "everyone" }));

    it("refuses an agent, pointing to their scorecard", async () => {
      const reply = await s.say(bo, "leaderboard", ["month"]);
      expect(reply.text).toBe("⚠️ Your leads keep the leaderboard private for now. Your own numbers are in scorecard.");
    });

    it("still shows it to an admin", async () => {
      const board = await s.say(carl, "leaderboard", ["month"]);
      expect(board.text.split("\n")[0]).toBe(`Most recognised — ${team}, November 2026`);
    });
  });
});
